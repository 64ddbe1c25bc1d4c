using BatchFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Functions.Http;

/// <summary>GET /api/openapi.json (our addition): the OpenAPI 3.1 document of the whole API.</summary>
public sealed class GetOpenApiDocument
{
    [Function(nameof(GetOpenApiDocument))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.OpenApi)] HttpRequest request) =>
        Task.FromResult<IActionResult>(
            new ContentResult { Content = OpenApiDocument.Text, ContentType = "application/json; charset=utf-8", StatusCode = StatusCodes.Status200OK });
}
