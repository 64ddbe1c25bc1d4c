using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BatchFunctions.Api;

/// <summary>Error bodies in ElevenLabs' shape: {"detail": {"status": ..., "message": ...}}.</summary>
public static class ApiError
{
    public static IActionResult NotFound(string message) => Result(StatusCodes.Status404NotFound, "not_found", message);

    public static IActionResult Unauthorized() => Result(
        StatusCodes.Status401Unauthorized, "invalid_api_key", "Send a valid API key in the xi-api-key header.");

    private static JsonResult Result(int statusCode, string status, string message) =>
        new(new { detail = new { status, message } }, ApiJson.Options) { StatusCode = statusCode };
}
