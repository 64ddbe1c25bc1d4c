using Microsoft.AspNetCore.Http;
using TelephonySimulator.Calls;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.TwilioApi;

/// <summary><c>GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json</c>.</summary>
internal static class FetchCallEndpoint
{
    public static IResult Handle(string accountSid, string callSid, HttpRequest request, CallRegistry registry)
    {
        var call = registry.Find(accountSid, callSid);
        return call is null
            ? TwilioErrors.NotFound(request.Path)
            : Results.Json(CallResourceMapper.ToResource(call.Snapshot()), SimulatorJson.Options);
    }
}
