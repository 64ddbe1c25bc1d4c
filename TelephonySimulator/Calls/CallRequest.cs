namespace TelephonySimulator.Calls;

/// <summary>The parameters of a validated <c>POST /Calls.json</c>.</summary>
internal sealed record CallRequest(
    string AccountSid,
    string To,
    string From,
    string? Url,
    string Method,
    string? Twiml,
    string? StatusCallback,
    string StatusCallbackMethod,
    IReadOnlySet<CallEvent> StatusCallbackEvents,
    int TimeoutSeconds,
    MachineDetectionMode MachineDetection,
    bool Record);
