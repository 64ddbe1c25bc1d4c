namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The response of <c>POST /v1/convai/sip-trunk/outbound-call</c>.</summary>
internal sealed record SipTrunkOutboundCallResponse(bool Success, string Message, string? ConversationId, string? SipCallId);
