using BatchFunctions.Domain;

namespace BatchFunctions.Scheduling;

public static class RetryableOutcomes
{
    /// <summary>The retry-relevant outcome of a call's final status, or null when no retry rule applies (answered by a person, cancelled).</summary>
    public static RetryableOutcome? Of(CallProgress final) => final.Status switch
    {
        ProviderCallStatus.Busy => RetryableOutcome.Busy,
        ProviderCallStatus.NoAnswer => RetryableOutcome.NoAnswer,
        ProviderCallStatus.Failed => RetryableOutcome.TransientFailure,
        ProviderCallStatus.Completed when CallOutcomes.IsMachine(final.AnsweredBy) => RetryableOutcome.Voicemail,
        _ => null,
    };
}
