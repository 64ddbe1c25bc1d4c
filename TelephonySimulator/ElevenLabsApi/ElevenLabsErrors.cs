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

    public static IResult MissingFields(IEnumerable<string> fields) => Results.Json(
        new ValidationErrorResponse([.. fields.Select(field => new ValidationErrorItem(["body", field], "Field required", "missing"))]),
        SimulatorJson.Options,
        statusCode: StatusCodes.Status422UnprocessableEntity);

    private static IResult Error(int statusCode, string status, string message) =>
        Results.Json(new ElevenLabsError(new ElevenLabsErrorDetail(status, message)), SimulatorJson.Options, statusCode: statusCode);
}
