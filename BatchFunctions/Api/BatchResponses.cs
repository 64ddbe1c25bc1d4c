using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Api;

/// <summary>Projects stored batch and call state into ElevenLabs' response shapes.</summary>
public static class BatchResponses
{
    public static BatchCallResponse Summary(BatchDefinition definition, BatchState state)
    {
        var counts = state.RecipientCounts;
        var scheduled = definition.TotalRecipients;
        var pending = scheduled - counts.NotPending;

        var cancelledPending = state.UndialedStatus is RecipientStatus.Cancelled ? pending : 0;
        return new BatchCallResponse(
            definition.BatchId,
            definition.PhoneNumberId,
            definition.Provider,
            definition.Name,
            definition.AgentId,
            definition.AgentName,
            definition.CreatedAt.ToUnixTimeSeconds(),
            (definition.ScheduledAt ?? definition.CreatedAt).ToUnixTimeSeconds(),
            definition.Timezone,
            counts.NotPending,
            scheduled,
            counts.Finished,
            (state.LastUpdatedAt ?? definition.CreatedAt).ToUnixTimeSeconds(),
            state.Status,
            state.RetryCount,
            definition.TelephonyCallConfig ?? TelephonyCallConfig.Default,
            definition.TargetConcurrencyLimit,
            state.ConcurrencyLimit ?? definition.Concurrency,
            new RecipientStatusCounts(pending - cancelledPending, counts.Live, counts.Completed, counts.Failed, counts.Cancelled + cancelledPending, counts.Voicemail),
            state.Failure?.Message,
            definition.Source,
            state.Paused,
            state.Waiting?.Reason,
            state.Waiting?.Until?.ToUnixTimeSeconds(),
            state.Waiting?.TimeZone,
            state.Waiting?.LocalOpening)
        {
            VoicemailMessage = definition.VoicemailMessage,
        };
    }

    public static BatchRecipientResponse Recipient(RecipientOutcome outcome, DateTimeOffset batchCreatedAt, BatchState batch) =>
        Recipient(outcome.Recipient, outcome.Call, batch.Status is BatchStatus.Pending or BatchStatus.InProgress ? outcome.Waiting : null, outcome.Results, batchCreatedAt, batch.UndialedStatus);

    private static BatchRecipientResponse Recipient(Recipient recipient, CallState? call, Waiting? waiting, ConversationSummary? results, DateTimeOffset batchCreatedAt, RecipientStatus undialed) => new(
        recipient.Id ?? recipient.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        recipient.PhoneNumber,
        call?.Status ?? undialed,
        batchCreatedAt.ToUnixTimeSeconds(),
        (call?.UpdatedAt ?? batchCreatedAt).ToUnixTimeSeconds(),
        call?.ConversationId ?? results?.ConversationId,
        recipient.ClientData,
        recipient.RowNumber,
        call?.Attempt ?? 0,
        call?.CallSid,
        call?.FailureReason,
        call?.FailureDetail,
        call?.DurationSeconds,
        waiting?.Reason,
        waiting?.Until?.ToUnixTimeSeconds(),
        waiting?.TimeZone,
        waiting?.LocalOpening,
        RecipientConversationResponse.From(results))
    {
        VoicemailMessage = recipient.VoicemailMessage,
    };
}
