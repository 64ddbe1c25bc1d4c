using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Api;

/// <summary>Projects stored batch and call state into ElevenLabs' response shapes.</summary>
public static class BatchResponses
{
    private static readonly TelephonyCallConfig Defaults = new(null, null, null);

    public static BatchCallResponse Summary(BatchDefinition definition, BatchState state)
    {
        var counts = state.RecipientCounts;
        var scheduled = definition.TotalRecipients;
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
            0,
            definition.TelephonyCallConfig ?? Defaults,
            definition.TargetConcurrencyLimit,
            definition.Concurrency,
            new RecipientStatusCounts(scheduled - counts.NotPending, counts.Dispatched, counts.Initiated, counts.InProgress,
                counts.Completed, counts.Failed, counts.Cancelled, counts.Voicemail),
            state.Failure?.Message,
            definition.Source);
    }

    public static BatchRecipientResponse Recipient(Recipient recipient, CallState? call, DateTimeOffset batchCreatedAt) => new(
        recipient.Id ?? recipient.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        recipient.PhoneNumber,
        call?.Status ?? RecipientStatus.Pending,
        batchCreatedAt.ToUnixTimeSeconds(),
        (call?.UpdatedAt ?? batchCreatedAt).ToUnixTimeSeconds(),
        null,
        recipient.ClientData,
        recipient.RowNumber,
        call?.Attempt ?? 0,
        call?.CallSid,
        call?.FailureReason,
        call?.FailureDetail,
        call?.DurationSeconds);
}
