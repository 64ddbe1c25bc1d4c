using System.Text.Json;
using Microsoft.AspNetCore.Http;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Dialing;

/// <summary>
/// What the dial pipeline learns about one dial request, kept in the request's items: read before authentication so
/// every attempt can be logged and matched against faults, then filled in by the layers it passes through.
/// </summary>
internal sealed class DialRequestInfo
{
    private static readonly object ItemKey = new();

    private DialRequestInfo(SimulatedChannel channel, DateTimeOffset receivedAt, string? accountSid, string? to, string? from)
    {
        Channel = channel;
        ReceivedAt = receivedAt;
        AccountSid = accountSid;
        To = to;
        From = from;
    }

    public SimulatedChannel Channel { get; }

    public DateTimeOffset ReceivedAt { get; }

    public string? AccountSid { get; }

    public string? To { get; }

    public string? From { get; }

    public string? CallSid { get; set; }

    /// <summary>An error code the response carries in a shape the log cannot read (ElevenLabs' <c>success: false</c>).</summary>
    public int? ErrorCode { get; set; }

    public DialFaultAction? Fault { get; set; }

    /// <summary>The connection was closed without an answer.</summary>
    public bool Dropped { get; set; }

    public static DialRequestInfo? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var info) ? info as DialRequestInfo : null;

    /// <summary>Reads the numbers of the request and attaches the result to it; the handler reads the body again.</summary>
    public static async Task<DialRequestInfo> AttachAsync(HttpContext http, SimulatedChannel channel, SimulatorOptions options, DateTimeOffset now)
    {
        var request = http.Request;
        DialRequestInfo info;
        if (channel == SimulatedChannel.Twilio)
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
            info = new DialRequestInfo(
                channel,
                now,
                request.RouteValues[TwilioBasicAuthFilter.AccountSidRouteKey] as string,
                Trimmed(form["To"].ToString()),
                Trimmed(form["From"].ToString()));
        }
        else
        {
            var (to, phoneNumberId) = await ReadJsonNumbersAsync(request);
            var from = options.PhoneNumbers.Find(n => string.Equals(n.PhoneNumberId, phoneNumberId, StringComparison.Ordinal))?.PhoneNumber;
            info = new DialRequestInfo(channel, now, null, to, from);
        }

        http.Items[ItemKey] = info;
        return info;
    }

    public SimulatedDialAttempt ToAttempt(int httpStatus, int? errorCode) =>
        new(ReceivedAt, Channel, AccountSid, To, From, httpStatus, ErrorCode ?? errorCode, CallSid, Fault);

    private static async Task<(string? To, string? PhoneNumberId)> ReadJsonNumbersAsync(HttpRequest request)
    {
        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object
                ? (StringProperty(body.RootElement, "to_number"), StringProperty(body.RootElement, "agent_phone_number_id"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Trimmed(value.GetString()) : null;

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
