using BatchFunctions.Api;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// GET /api/batch-calling/conversations/{conversation_id}/audio: the recording, passed through from ElevenLabs so
/// the dashboard's player needs our API key only, never ElevenLabs'. Only for conversations this app started.
/// </summary>
public sealed class GetConversationAudio(ConversationIndex conversations, ElevenLabsClient elevenLabs)
{
    [Function(nameof(GetConversationAudio))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ConversationAudio)] HttpRequest request,
        string conversationId,
        CancellationToken cancellationToken)
    {
        if (await conversations.FindAsync(conversationId, cancellationToken) is null)
        {
            return ApiError.NotFound($"There is no conversation '{conversationId}' in this app's batches.");
        }

        try
        {
            var audio = await elevenLabs.GetConversationAudioAsync(conversationId, cancellationToken);
            if (audio is null)
            {
                return ApiError.NotFound($"Conversation '{conversationId}' has no recording.");
            }

            request.HttpContext.Response.RegisterForDispose(audio);
            return new FileStreamResult(
                await audio.Content.ReadAsStreamAsync(cancellationToken),
                audio.Content.Headers.ContentType?.ToString() ?? "audio/mpeg");
        }
        catch (Exception e) when (ApiError.IsUpstreamFailure(e, cancellationToken))
        {
            return ApiError.BadGateway($"ElevenLabs did not return the recording: {e.Message}");
        }
    }
}
