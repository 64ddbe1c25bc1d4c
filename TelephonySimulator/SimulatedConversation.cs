using System.Text.Json;

namespace TelephonySimulator;

/// <summary>A conversation registered through <c>POST /v1/convai/twilio/register-call</c>.</summary>
/// <param name="ConversationId">The id put into the returned TwiML (<c>conv_</c> + 32 hex digits).</param>
/// <param name="AgentId">The request's <c>agent_id</c>.</param>
/// <param name="FromNumber">The request's <c>from_number</c>.</param>
/// <param name="ToNumber">The request's <c>to_number</c>.</param>
/// <param name="Direction">The request's <c>direction</c>.</param>
/// <param name="ConversationInitiationClientData">The request's <c>conversation_initiation_client_data</c>, verbatim.</param>
/// <param name="CreatedAt">When the conversation was registered.</param>
public sealed record SimulatedConversation(
    string ConversationId,
    string AgentId,
    string FromNumber,
    string ToNumber,
    string? Direction,
    JsonElement? ConversationInitiationClientData,
    DateTimeOffset CreatedAt);
