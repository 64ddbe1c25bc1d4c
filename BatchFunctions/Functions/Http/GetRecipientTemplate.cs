using BatchFunctions.Api;
using BatchFunctions.Ingestion;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /api/batch-calling/template (our addition): the recipient file template, CSV by default or
/// XLSX with ?format=xlsx (its phone column is formatted as Text so Excel keeps the +).
/// </summary>
public sealed class GetRecipientTemplate
{
    [Function(nameof(GetRecipientTemplate))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Template)] HttpRequest request)
    {
        IActionResult template = request.Query["format"].ToString().ToLowerInvariant() switch
        {
            "" or "csv" => new FileContentResult(RecipientTemplate.Csv(), "text/csv; charset=utf-8") { FileDownloadName = RecipientTemplate.CsvFileName },
            "xlsx" => new FileContentResult(RecipientTemplate.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = RecipientTemplate.XlsxFileName },
            var other => ApiError.Unprocessable([new ValidationIssue("enum", ["query", "format"], "Input should be 'csv' or 'xlsx'", other)]),
        };
        return Task.FromResult(template);
    }
}
