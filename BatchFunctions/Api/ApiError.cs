using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BatchFunctions.Api;

/// <summary>
/// Error bodies in ElevenLabs' shapes: {"detail": {"status": ..., "message": ...}} for most errors,
/// and FastAPI's {"detail": [{"type", "loc", "msg", "input"}]} for requests that fail validation (422).
/// </summary>
public static class ApiError
{
    public static IActionResult NotFound(string message) => Result(StatusCodes.Status404NotFound, "not_found", message);

    /// <summary>The one answer every batch route gives for an id that names no batch (deleted, or never made).</summary>
    public static IActionResult NoSuchBatch(string batchId) => NotFound($"There is no batch '{batchId}'.");

    public static IActionResult Unauthorized() => Result(
        StatusCodes.Status401Unauthorized, "invalid_api_key", "Send a valid API key in the xi-api-key header.");

    public static IActionResult Conflict(string message) => Result(StatusCodes.Status409Conflict, "conflict", message);

    /// <summary>ElevenLabs (agent or phone number lookup) failed or refused us; the request itself may be fine.</summary>
    public static IActionResult BadGateway(string message) => Result(StatusCodes.Status502BadGateway, "upstream_error", message);

    /// <summary>The app's own storage failed; the request may be sent again as it is (see <see cref="StorageFaultMiddleware"/>).</summary>
    public static IActionResult ServiceUnavailable(string message) => Result(StatusCodes.Status503ServiceUnavailable, "storage_unavailable", message);

    /// <summary>
    /// Whether <paramref name="e"/> means ElevenLabs could not be asked (unreachable, timed out, or our key
    /// refused) rather than that the request was bad: those become <see cref="BadGateway"/>. A timeout
    /// caused by the caller going away is not ElevenLabs' failure.
    /// </summary>
    public static bool IsUpstreamFailure(Exception e, CancellationToken requestAborted) =>
        e is HttpRequestException or Providers.ElevenLabs.ElevenLabsConfigurationException
        || (e is TaskCanceledException && !requestAborted.IsCancellationRequested);

    public static IActionResult Unprocessable(IEnumerable<ValidationIssue> issues) =>
        new JsonResult(new { detail = issues.ToList() }, ApiJson.Options) { StatusCode = StatusCodes.Status422UnprocessableEntity };

    public static IActionResult Unprocessable(ValidationIssue issue) => Unprocessable([issue]);

    private static JsonResult Result(int statusCode, string status, string message) =>
        new(new { detail = new { status, message } }, ApiJson.Options) { StatusCode = statusCode };
}
