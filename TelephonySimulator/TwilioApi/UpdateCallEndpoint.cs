using Microsoft.AspNetCore.Http;
using TelephonySimulator.Calls;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.TwilioApi;

/// <summary>
/// <c>POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json</c> with <c>Status=canceled</c> (hang up a queued or
/// ringing call) or <c>Status=completed</c> (hang up whatever its state). The playout then sends the terminal callback.
/// </summary>
internal static class UpdateCallEndpoint
{
    public static async Task<IResult> HandleAsync(
        string accountSid,
        string callSid,
        HttpRequest request,
        CallRegistry registry,
        SimulatorOptions options,
        TimeProvider time)
    {
        var call = registry.Find(accountSid, callSid);
        if (call is null)
        {
            return TwilioErrors.NotFound(request.Path);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        var status = form["Status"].ToString();
        if (status.Length > 0)
        {
            if (!CallStatusExtensions.TryParseWire(status, out var requested) || requested is not (CallStatus.Canceled or CallStatus.Completed))
            {
                return TwilioErrors.BadRequest(20001, $"Invalid Status: {status}. Must be one of canceled, completed");
            }

            if (call.RequestHangup(requested, time.GetUtcNow(), options.TimeAcceleration) == HangupResult.AlreadyEnded)
            {
                return TwilioErrors.BadRequest(21220, "Call is not in-progress. Cannot redirect.");
            }
        }

        // Redirecting a live call to new TwiML (Url/Twiml without Status) is accepted and ignored: nothing plays here.
        return Results.Json(CallResourceMapper.ToResource(call.Snapshot()), SimulatorJson.Options);
    }
}
