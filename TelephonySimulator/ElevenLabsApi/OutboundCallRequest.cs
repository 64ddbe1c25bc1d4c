using System.Text.Json;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The body of <c>POST /v1/convai/sip-trunk/outbound-call</c> and <c>POST /v1/convai/twilio/outbound-call</c>.</summary>
internal sealed record OutboundCallRequest(
    string? AgentId,
    string? AgentPhoneNumberId,
    string? ToNumber,
    JsonElement? ConversationInitiationClientData,
    TelephonyCallConfig? TelephonyCallConfig,
    bool? CallRecordingEnabled);
