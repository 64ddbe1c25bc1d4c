using Microsoft.AspNetCore.Http;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.Inspection;

/// <summary><c>GET /simulator/conversations</c>: conversations registered through register-call, in order.</summary>
internal static class ListConversationsEndpoint
{
    public static IResult Handle(ConversationLog conversations) =>
        Results.Json(conversations.All(), SimulatorJson.Options);
}
