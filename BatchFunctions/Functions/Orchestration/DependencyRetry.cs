using BatchFunctions.Providers.Twilio;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// One retry policy per dependency, used on every activity call of the batch orchestrator. What still
/// fails after its policy is not the end of the batch: the dispatcher tries the step again later.
/// </summary>
internal static class DependencyRetry
{
    /// <summary>Twilio and ElevenLabs: only what they called transient (429, 5xx, no answer), with backoff.</summary>
    public static readonly TaskOptions Telephony = new(new TaskRetryOptions(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1))
        {
            HandleFailure = failure => failure.IsCausedBy<TransientTelephonyException>(),
        }));

    /// <summary>
    /// Table and blob storage: every failure, a few times and quickly. The storage activities are
    /// idempotent (keyed writes, conditional claims), so running one again is always safe.
    /// </summary>
    public static readonly TaskOptions Storage = new(new TaskRetryOptions(
        new RetryPolicy(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(10))));
}
