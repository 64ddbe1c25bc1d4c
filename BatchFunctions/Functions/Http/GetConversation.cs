using BatchFunctions.Api;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /api/batch-calling/conversations/{conversation_id}: the conversation of one of our calls as ElevenLabs
/// described it (transcript with speaker turns and times, analysis, data collected, metadata), streamed from its
/// blob. 404 until its results have arrived, and for conversations this app did not start.
/// </summary>
public sealed class GetConversation(ConversationIndex conversations, ConversationResultStore results)
{
    [Function(nameof(GetConversation))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Conversation)] HttpRequest request,
        string conversationId,
        CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(conversationId, cancellationToken) is not { } link
            || await results.OpenConversationAsync(link.BatchId, conversationId, cancellationToken) is not { } body)
        {
            return ApiError.NotFound($"There are no results for conversation '{conversationId}' (yet).");
        }

        return new FileStreamResult(body, "application/json");
    }
}
