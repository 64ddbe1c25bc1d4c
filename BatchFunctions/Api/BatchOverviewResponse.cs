namespace BatchFunctions.Api;

/// <summary>
/// A batch's counters without its recipients, plus the milestones a live view needs (when dialing
/// started, when it ended): what the dashboard polls every few seconds. One entity read and one index read.
/// </summary>
/// <param name="StartedAtUnix">When dialing started; null while the batch waits for its scheduled time.</param>
/// <param name="DispatchFinishedAtUnix">When the last call ended (the batch completed); null before.</param>
/// <param name="CancelledAtUnix">When the operator cancelled the batch; null if not cancelled.</param>
/// <param name="ServerTimeUnix">The server's clock when it answered, so an estimate of the finish does not depend on the browser's clock.</param>
public sealed record BatchOverviewResponse(
    BatchCallResponse Batch,
    long? StartedAtUnix,
    long? DispatchFinishedAtUnix,
    long? CancelledAtUnix,
    long ServerTimeUnix);
