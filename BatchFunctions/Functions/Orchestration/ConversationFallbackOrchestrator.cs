using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// One per conversation we start, apart from the batch's dispatch. It is scheduled to start one delay after the
/// call is answered (<see cref="ConversationFollowUp"/>), so while the call lasts it costs a queued message, not an
/// episode and a timer; it then fetches the conversation's results unless the post-call webhook brought them
/// meanwhile, and while ElevenLabs is still in the call or analysing it, waits and checks again. So results
/// arrive when webhooks are lost, late or not configured.
/// The instance id follows from the conversation id (<see cref="InstanceIdFor"/>), so starting it twice is harmless.
/// </summary>
public sealed partial class ConversationFallbackOrchestrator : TaskOrchestrator<ConversationWatch, FetchOutcome>
{
    /// <summary>ElevenLabs' retry policy: only its transient failures (5xx, unreachable), with backoff.</summary>
    private static readonly TaskOptions ElevenLabsRetry = new(new TaskRetryOptions(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1))
        {
            HandleFailure = failure => failure.IsCausedBy<HttpRequestException>(),
        }));

    [Function(nameof(ConversationFallbackOrchestrator))]
    public static Task<FetchOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ConversationFallbackOrchestrator().RunAsync(context, context.GetInput<ConversationWatch>()!);

    public static string InstanceIdFor(string conversationId) => "conversation-" + conversationId;

    public override async Task<FetchOutcome> RunAsync(TaskOrchestrationContext context, ConversationWatch watch)
    {
        var logger = context.CreateReplaySafeLogger<ConversationFallbackOrchestrator>();
        var outcome = FetchOutcome.NotReady;
        for (var check = 0; check < watch.Checks && outcome == FetchOutcome.NotReady; check++)
        {
            if (check > 0)
            {
                await context.CreateTimer(watch.Delay, CancellationToken.None);
            }

            try
            {
                outcome = await context.CallActivityAsync<FetchOutcome>(nameof(FetchConversationResults), watch.Link, ElevenLabsRetry);
            }
            catch (TaskFailedException e)
            {
                LogFetchFailed(logger, watch.Link.BatchId, watch.Link.RecipientIndex, watch.Link.ConversationId, e.FailureDetails.ErrorMessage);
                return FetchOutcome.GaveUp;
            }
        }

        outcome = outcome == FetchOutcome.NotReady ? FetchOutcome.GaveUp : outcome;
        LogChecked(logger, watch.Link.BatchId, watch.Link.RecipientIndex, watch.Link.ConversationId, outcome);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} recipient {RecipientIndex}: conversation {ConversationId} results {Outcome}")]
    private static partial void LogChecked(ILogger logger, string batchId, int recipientIndex, string conversationId, FetchOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch {BatchId} recipient {RecipientIndex}: fetching conversation {ConversationId} kept failing: {Error}")]
    private static partial void LogFetchFailed(ILogger logger, string batchId, int recipientIndex, string conversationId, string error);
}
