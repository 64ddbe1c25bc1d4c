namespace BatchFunctions.Api;

/// <summary>
/// A batch's calls over time, for the dashboard's chart (ours): buckets of <paramref name="BucketMinutes"/> minutes
/// (1 unless the batch spans more than <see cref="CallTimeline.MaxBuckets"/> of them), oldest first; buckets in which
/// nothing happened are left out. The totals are the buckets' sums.
/// </summary>
public sealed record CallTimelineResponse(
    string BatchId,
    int BucketMinutes,
    IReadOnlyList<CallTimelineBucket> Buckets,
    int Dialed,
    int Answered,
    int Ended);
