using System.Text;
using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Functions.Http;

/// <summary>GET /api/batch-calling/template (our addition): the recipient file template, as a CSV download.</summary>
public sealed class GetRecipientTemplate(ApiKeyAuthenticator authenticator)
{
    [Function(nameof(GetRecipientTemplate))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Template)] HttpRequest request) =>
        Task.FromResult(authenticator.IsAuthorized(request)
            ? new FileContentResult(Encoding.UTF8.GetBytes(RecipientTemplate.Csv), "text/csv; charset=utf-8") { FileDownloadName = RecipientTemplate.FileName }
            : ApiError.Unauthorized());
}
