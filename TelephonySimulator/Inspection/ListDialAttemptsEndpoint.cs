using Microsoft.AspNetCore.Http;
using TelephonySimulator.Dialing;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.Inspection;

/// <summary><c>GET /simulator/dial-attempts</c>: every dial request, refused, faulted and unanswered ones included.</summary>
internal static class ListDialAttemptsEndpoint
{
    public static IResult Handle(DialAttemptLog attempts) => Results.Json(attempts.All(), SimulatorJson.Options);
}
