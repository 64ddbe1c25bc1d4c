using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The ElevenLabs errors the simulator returns.</summary>
internal static class ElevenLabsErrors
{
    public static IResult InvalidApiKey() => Error(
        StatusCodes.Status401Unauthorized,
        "invalid_api_key",
        "Invalid API key: send the workspace's key in the xi-api-key header.");

    public static IResult NotFound(string status, string message) => Error(StatusCodes.Status404NotFound, status, message);

    public static IResult BadRequest(string status, string message) => Error(StatusCodes.Status400BadRequest, status, message);

    /// <summary>An error of any status, with the <c>detail.status</c> ElevenLabs uses for its kind.</summary>
    public static IResult Status(int statusCode, string message) => Error(
        statusCode,
        statusCode switch
        {
            StatusCodes.Status401Unauthorized => "invalid_api_key",
            StatusCodes.Status429TooManyRequests => "too_many_concurrent_requests",
            >= 500 => "internal_server_error",
            _ => "invalid_request",
        },
        message);

    public static IResult JsonInvalid() => Results.Json(
        new ValidationErrorResponse([new ValidationErrorItem(["body"], "JSON decode error", "json_invalid")]),
        SimulatorJson.Options,
        statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult MissingFields(IEnumerable<string> fields) => Results.Json(
        new ValidationErrorResponse([.. fields.Select(field => new ValidationErrorItem(["body", field], "Field required", "missing"))]),
        SimulatorJson.Options,
        statusCode: StatusCodes.Status422UnprocessableEntity);

    private static IResult Error(int statusCode, string status, string message) =>
        Results.Json(new ElevenLabsError(new ElevenLabsErrorDetail(status, message)), SimulatorJson.Options, statusCode: statusCode);
}
