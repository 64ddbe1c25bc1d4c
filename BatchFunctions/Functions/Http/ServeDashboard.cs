using BatchFunctions.Api;
using BatchFunctions.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /dashboard/ and /dashboard/{file} (our addition): the operator dashboard, plain HTML, CSS and
/// JavaScript modules served by the app itself, with nothing fetched from elsewhere. The files are not
/// secret and carry no data, so they are served without the API key; the page asks the operator for
/// the key and sends it with every API call it makes.
/// </summary>
[WithoutApiKey("Static files with no data in them; the page asks the operator for the key and sends it to the API.")]
public sealed class ServeDashboard(DashboardAssets assets)
{
    /// <summary>Only this app's own files and API; no inline script, no framing by other sites.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    [Function(nameof(ServeDashboard))]
    public Task<IActionResult> Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Dashboard)] HttpRequest request)
    {
        // The page's links to its files are relative, so it must be addressed as a folder.
        if (!request.Path.Value!.EndsWith('/'))
        {
            return Task.FromResult<IActionResult>(new RedirectResult(request.PathBase + request.Path + "/" + request.QueryString));
        }

        return Task.FromResult(Serve(request, DashboardAssets.IndexFile));
    }

    [Function(nameof(ServeDashboard) + "File")]
    public Task<IActionResult> File(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DashboardFile)] HttpRequest request,
        string file) =>
        Task.FromResult(Serve(request, file));

    private IActionResult Serve(HttpRequest request, string name)
    {
        if (assets.Find(name) is not { } asset)
        {
            return new NotFoundObjectResult($"The dashboard has no file '{name}'.");
        }

        var headers = request.HttpContext.Response.Headers;
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (asset.Name.EndsWith(".html", StringComparison.Ordinal))
        {
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        }

        return new FileContentResult(asset.Content, asset.ContentType) { EntityTag = EntityTagHeaderValue.Parse(asset.ETag) };
    }
}
