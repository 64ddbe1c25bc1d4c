using Microsoft.AspNetCore.Http;

namespace TelephonySimulator.Inspection;

/// <summary><c>DELETE /simulator/faults</c>: removes pending faults and the standing latency.</summary>
internal static class ClearFaultsEndpoint
{
    public static IResult Handle(SimulatorFaults faults)
    {
        faults.Clear();
        return Results.NoContent();
    }
}
