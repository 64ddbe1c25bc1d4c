using System.Text.Json;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The body of <c>POST /v1/convai/twilio/register-call</c>.</summary>
internal sealed record RegisterCallRequest(
    string? AgentId,
    string? FromNumber,
    string? ToNumber,
    string? Direction,
    JsonElement? ConversationInitiationClientData);
