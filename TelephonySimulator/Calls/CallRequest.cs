namespace TelephonySimulator.Calls;

/// <summary>
/// A validated request to place a call: a Twilio <c>POST /Calls.json</c>, or an ElevenLabs outbound-call request
/// (no account, no webhooks, and a conversation that follows the call).
/// </summary>
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
    bool Record,
    SimulatedChannel Channel = SimulatedChannel.Twilio,
    string? ConversationId = null);
