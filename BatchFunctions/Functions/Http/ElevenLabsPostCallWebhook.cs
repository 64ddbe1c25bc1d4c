using BatchFunctions.Api;
using System.Text.Json;
using BatchFunctions.Conversations;
using BatchFunctions.Domain;
using BatchFunctions.Options;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// ElevenLabs' post-call webhook (<c>post_call_transcription</c>): the conversation's transcript and analysis once
/// ElevenLabs has processed it. Only a request signed with the workspace's webhook secret, recently, and never seen
/// before is believed; anything else is 401 and changes nothing. An event is matched to its recipient by
/// conversation id, idempotently; other events, and conversations this app did not start, are acknowledged and
/// ignored (ElevenLabs posts every conversation of the workspace, and disables a webhook that keeps failing).
/// </summary>
[WithoutApiKey("ElevenLabs cannot send our key; it signs its webhooks with the workspace's webhook secret, checked here.")]
public sealed partial class ElevenLabsPostCallWebhook(
    IOptions<ConversationOptions> options,
    WebhookReceipts receipts,
    ConversationIndex conversations,
    ConversationResults results,
    TimeProvider clock,
    ILogger<ElevenLabsPostCallWebhook> logger)
{
    public const string Route = "elevenlabs/post-call";

    /// <summary>ElevenLabs' bodies carry whole transcripts; a body beyond this is refused unread rather than held in memory.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    [Function(nameof(ElevenLabsPostCallWebhook))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            return new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }

        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var check = WebhookSignature.Verify(request.Headers[WebhookSignature.HeaderName], body.Span, options.Value.WebhookSecret, clock.GetUtcNow());
        if (check.Verdict != WebhookVerdict.Valid)
        {
            LogRefused(check.Verdict);
            return new UnauthorizedResult();
        }

        if (!await receipts.TryAcceptAsync(check.Signature!, check.SignedAt!.Value, cancellationToken))
        {
            LogReplay();
            return new UnauthorizedResult();
        }

        try
        {
            return await HandleAsync(body, cancellationToken);
        }
        catch
        {
            // Not processed: ElevenLabs' retry of this very request must not be taken for a replay.
            await receipts.ForgetAsync(check.Signature!, check.SignedAt!.Value, CancellationToken.None);
            throw;
        }
    }

    private async Task<IActionResult> HandleAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return new BadRequestObjectResult("The body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type != "post_call_transcription" || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                LogIgnored(type ?? "(none)");
                return new OkResult();
            }

            if (ConversationDetails.ConversationId(data) is not { Length: > 0 } conversationId
                || await conversations.FindAsync(conversationId, cancellationToken) is not { } link)
            {
                LogUnknownConversation();
                return new OkResult();
            }

            var stored = await results.StoreAsync(link, data, ResultsSource.Webhook, cancellationToken);
            LogStored(link.BatchId, link.RecipientIndex, link.Attempt, link.ConversationId, stored);
            return new OkResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an ElevenLabs webhook: {Verdict}")]
    private partial void LogRefused(WebhookVerdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an ElevenLabs webhook whose signature was already used (a replay)")]
    private partial void LogReplay();

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored an ElevenLabs webhook of type {Type}")]
    private partial void LogIgnored(string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a post-call webhook for a conversation this app did not start")]
    private partial void LogUnknownConversation();

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} recipient {RecipientIndex} attempt {Attempt}: results of {ConversationId} stored ({Stored})")]
    private partial void LogStored(string batchId, int recipientIndex, int attempt, string conversationId, bool stored);
}
