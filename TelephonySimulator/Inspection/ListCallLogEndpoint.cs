using Microsoft.AspNetCore.Http;
using TelephonySimulator.Calls;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.Inspection;

/// <summary><c>GET /simulator/calls</c>: the dial log, in creation order.</summary>
internal static class ListCallLogEndpoint
{
    public static IResult Handle(CallRegistry registry) =>
        Results.Json(registry.All().Select(call => call.Snapshot().ToSimulatedCall()).ToList(), SimulatorJson.Options);
}
