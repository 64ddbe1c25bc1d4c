using Microsoft.AspNetCore.Http;
using TelephonySimulator.Calls;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.Inspection;

/// <summary><c>GET /simulator/stats</c>: the live-call counters.</summary>
internal static class GetStatsEndpoint
{
    public static IResult Handle(CallRegistry registry) =>
        Results.Json(new SimulatorStats(registry.LiveCalls, registry.PeakLiveCalls, registry.CallsCreated), SimulatorJson.Options);
}
