using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.Inspection;

/// <summary><c>GET /simulator/faults</c>: the standing latency and the faults still pending.</summary>
internal static class ListFaultsEndpoint
{
    public static IResult Handle(SimulatorFaults faults) => Results.Json(
        new FaultsView((int)faults.Latency.TotalMilliseconds, [.. faults.Pending.Select(DialFaultBody.From)]),
        SimulatorJson.Options);
}
