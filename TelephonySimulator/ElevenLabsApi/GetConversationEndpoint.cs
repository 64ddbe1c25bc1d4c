using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>GET /v1/convai/conversations/{conversation_id}</c>: where a conversation, and so its call, stands.</summary>
internal static class GetConversationEndpoint
{
    public static IResult Handle(string conversationId, ConversationLog conversations, SimulatorOptions options) =>
        conversations.Find(conversationId) is { } conversation
            ? Results.Json(ConversationResponse.From(conversation, options), SimulatorJson.Options)
            : ElevenLabsErrors.NotFound("conversation_not_found", $"Conversation with id {conversationId} was not found.");
}
