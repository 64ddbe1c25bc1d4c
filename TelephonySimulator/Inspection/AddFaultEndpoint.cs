using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.Inspection;

/// <summary>
/// <c>POST /simulator/faults</c>: queues a fault for the next dial requests, e.g.
/// <c>{"action":"fail","count":3,"http_status":503}</c> or <c>{"action":"drop","call_created":true}</c>.
/// </summary>
internal static class AddFaultEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, SimulatorFaults faults)
    {
        DialFaultBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<DialFaultBody>(request.Body, SimulatorJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new InspectionError($"The body is not a fault: {exception.Message}"));
        }

        if (body is null)
        {
            return Results.BadRequest(new InspectionError("The body is not a fault."));
        }

        if (!body.TryToFault(out var fault, out var problem))
        {
            return Results.BadRequest(new InspectionError(problem));
        }

        faults.Add(fault);
        return Results.Json(DialFaultBody.From(fault), SimulatorJson.Options, statusCode: StatusCodes.Status201Created);
    }
}
