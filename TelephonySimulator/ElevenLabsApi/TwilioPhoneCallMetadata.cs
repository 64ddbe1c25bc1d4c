namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>metadata.phone_call</c> of a conversation carried by a Twilio call (<c>type: twilio</c>).</summary>
internal sealed record TwilioPhoneCallMetadata(
    string Type,
    string Direction,
    string PhoneNumberId,
    string AgentNumber,
    string ExternalNumber,
    string? CallResult,
    string StreamSid,
    string CallSid);
