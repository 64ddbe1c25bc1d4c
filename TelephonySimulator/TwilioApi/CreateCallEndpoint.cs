using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using TelephonySimulator.Calls;
using TelephonySimulator.Dialing;
using TelephonySimulator.Hosting;
using TelephonySimulator.Logging;

namespace TelephonySimulator.TwilioApi;

/// <summary>
/// <c>POST /2010-04-01/Accounts/{AccountSid}/Calls.json</c>: validates like Twilio, applies number rules and drawn
/// create errors, then creates the call (in its account's calls-per-second queue) and starts the playout.
/// </summary>
internal static partial class CreateCallEndpoint
{
    private const int DefaultTimeoutSeconds = 60;
    private const int MaxTimeoutSeconds = 600;

    public static async Task<IResult> HandleAsync(
        string accountSid,
        HttpRequest request,
        CallRegistry registry,
        OutcomePlanner planner,
        CallPlayoutScheduler scheduler,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(CreateCallEndpoint).FullName!);
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        var to = Single(form, "To");
        var from = Single(form, "From");
        var url = Single(form, "Url");
        var twiml = Single(form, "Twiml");
        var statusCallback = Single(form, "StatusCallback");

        if (to is null)
        {
            return TwilioErrors.BadRequest(21201, "No 'To' number is specified");
        }

        if (!E164().IsMatch(to))
        {
            return TwilioErrors.BadRequest(21211, $"Invalid 'To' Phone Number: {to}");
        }

        if (from is null)
        {
            return TwilioErrors.BadRequest(21213, "No 'From' number is specified");
        }

        if (!E164().IsMatch(from))
        {
            return TwilioErrors.BadRequest(21212, $"Invalid From Number (caller ID): {from}");
        }

        if (url is null && twiml is null)
        {
            return TwilioErrors.BadRequest(21205, "Either a 'Url', 'ApplicationSid' or 'Twiml' parameter is required");
        }

        if (url is not null && !IsWebhookUrl(url))
        {
            return TwilioErrors.BadRequest(21205, $"Url is not a valid URL: {url}");
        }

        if (statusCallback is not null && !IsWebhookUrl(statusCallback))
        {
            return TwilioErrors.BadRequest(21609, $"Invalid StatusCallback URL: {statusCallback}");
        }

        if (planner.Reject(to, from, registry.NextCreateAttempt(to), includeDrawn: true) is { } refusal)
        {
            Log.CreateRefused(logger, PhoneMask.Mask(to), refusal.Code);
            return TwilioErrors.Error(refusal.HttpStatus, refusal.Code, TwilioErrorCatalog.MessageOf(refusal.Code, to, from));
        }

        var callRequest = new CallRequest(
            accountSid,
            to,
            from,
            url,
            HttpMethodOrPost(Single(form, "Method")),
            url is null ? twiml : null,
            statusCallback,
            HttpMethodOrPost(Single(form, "StatusCallbackMethod")),
            ParseEvents(form["StatusCallbackEvent"]),
            ParseTimeout(Single(form, "Timeout")),
            ParseMachineDetection(Single(form, "MachineDetection")),
            string.Equals(Single(form, "Record"), "true", StringComparison.OrdinalIgnoreCase));

        var call = registry.Create(callRequest);
        if (DialRequestInfo.Of(request.HttpContext) is { } dial)
        {
            dial.CallSid = call.Sid;
        }

        // The response is rendered before the playout starts, so it always shows the call as Twilio does: queued.
        var created = CallResourceMapper.ToResource(call.Snapshot());
        Log.CallCreated(logger, call.Sid, PhoneMask.Mask(to), call.Plan.Outcome);
        scheduler.Start(call);
        return Results.Json(created, SimulatorJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static string? Single(IFormCollection form, string key)
    {
        var value = form[key].ToString();
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool IsWebhookUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string HttpMethodOrPost(string? method) =>
        string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) ? "GET" : "POST";

    /// <summary>Each value may itself hold several space-separated events; without any, Twilio sends only <c>completed</c>.</summary>
    private static HashSet<CallEvent> ParseEvents(StringValues values)
    {
        var events = new HashSet<CallEvent>();
        foreach (var value in values)
        {
            foreach (var name in (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (CallEventExtensions.TryParseWire(name, out var callEvent))
                {
                    events.Add(callEvent);
                }
            }
        }

        if (events.Count == 0)
        {
            events.Add(CallEvent.Completed);
        }

        return events;
    }

    private static int ParseTimeout(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? Math.Min(seconds, MaxTimeoutSeconds)
            : DefaultTimeoutSeconds;

    private static MachineDetectionMode ParseMachineDetection(string? value) => value switch
    {
        _ when string.Equals(value, "Enable", StringComparison.OrdinalIgnoreCase) => MachineDetectionMode.Enable,
        _ when string.Equals(value, "DetectMessageEnd", StringComparison.OrdinalIgnoreCase) => MachineDetectionMode.DetectMessageEnd,
        _ => MachineDetectionMode.None,
    };

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
