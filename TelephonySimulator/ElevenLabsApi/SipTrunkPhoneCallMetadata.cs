namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>metadata.phone_call</c> of a conversation carried over a SIP trunk (<c>type: sip_trunking</c>).</summary>
internal sealed record SipTrunkPhoneCallMetadata(
    string Type,
    string Direction,
    string PhoneNumberId,
    string AgentNumber,
    string ExternalNumber,
    string? CallResult,
    string? CallId,
    string CallSid);
