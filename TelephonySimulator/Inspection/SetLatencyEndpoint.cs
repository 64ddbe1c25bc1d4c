using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.Inspection;

/// <summary><c>PUT /simulator/faults/latency</c> with <c>{"latency_ms": 250}</c>: every dial request answers that much later.</summary>
internal static class SetLatencyEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, SimulatorFaults faults)
    {
        LatencyBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<LatencyBody>(request.Body, SimulatorJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?.LatencyMs is not { } milliseconds || milliseconds < 0)
        {
            return Results.BadRequest(new InspectionError("latency_ms must be a number of milliseconds, 0 or more."));
        }

        faults.Latency = TimeSpan.FromMilliseconds(milliseconds);
        return Results.Json(new LatencyBody(milliseconds), SimulatorJson.Options);
    }
}
