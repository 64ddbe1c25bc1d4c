using System.Text.Json.Serialization;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The response of <c>POST /v1/convai/twilio/outbound-call</c>; ElevenLabs spells <c>callSid</c> in camel case.</summary>
internal sealed record TwilioOutboundCallResponse(
    bool Success,
    string Message,
    string? ConversationId,
    [property: JsonPropertyName("callSid")] string? CallSid);
