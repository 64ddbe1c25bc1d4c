using BatchFunctions.Domain;
using BatchFunctions.Options;
using BatchFunctions.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// What happens once a call has a conversation: the conversation is recorded as ours (so its webhook finds the
/// recipient) and watched by a <see cref="ConversationFallbackOrchestrator"/>. The two are independent: the
/// fallback carries its own link, so when the record cannot be written (the webhook will then find nothing) the
/// fallback still brings the results. A failure here must not cost the call its agent, so it is logged, not thrown;
/// that includes a storage timeout, which is an <see cref="OperationCanceledException"/> although nobody cancelled.
/// </summary>
public sealed partial class ConversationFollowUp(ConversationIndex index, IOptions<ConversationOptions> options, TimeProvider clock, ILogger<ConversationFollowUp> logger)
{
    public async Task StartAsync(DurableTaskClient durable, ConversationLink link, CancellationToken cancellationToken)
    {
        try
        {
            await index.RecordAsync(link, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogRecordFailed(e, link.BatchId, link.RecipientIndex, link.ConversationId);
        }

        try
        {
            // No look-up first: the answer request waits on this. Started again under its id (a repeated answer
            // request), the backend refuses it (logged below) or restarts the wait; both are harmless, since the
            // orchestration checks for stored results before it fetches.
            await durable.ScheduleNewOrchestrationInstanceAsync(
                nameof(ConversationFallbackOrchestrator),
                new ConversationWatch(link, options.Value.FallbackDelay, options.Value.FallbackChecks),
                new StartOrchestrationOptions(ConversationFallbackOrchestrator.InstanceIdFor(link.ConversationId), clock.GetUtcNow() + options.Value.FallbackDelay),
                cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallbackFailed(e, link.BatchId, link.RecipientIndex, link.ConversationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} recipient {RecipientIndex}: could not record conversation {ConversationId}; its webhook will be ignored and its results come from the fallback fetch")]
    private partial void LogRecordFailed(Exception exception, string batchId, int recipientIndex, string conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} recipient {RecipientIndex}: could not schedule the fallback fetch of conversation {ConversationId}; its results depend on the webhook")]
    private partial void LogFallbackFailed(Exception exception, string batchId, int recipientIndex, string conversationId);
}
