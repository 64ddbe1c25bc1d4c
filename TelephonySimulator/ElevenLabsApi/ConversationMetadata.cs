namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The <c>metadata</c> of a conversation; <see cref="PhoneCall"/> is a Twilio or SIP-trunk phone call record.</summary>
internal sealed record ConversationMetadata(long StartTimeUnixSecs, int CallDurationSecs, string? TerminationReason, object? PhoneCall);
