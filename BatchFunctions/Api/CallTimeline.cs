using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Api;

/// <summary>
/// Counts a batch's calls per minute (dialed, answered, ended) from each call record's timestamps, as they stream
/// past: memory grows with the minutes the batch spans, never with its recipients. The answer has at most
/// <see cref="MaxBuckets"/> buckets: a batch that spans more minutes (calling windows over several days) is counted
/// in wider buckets, so a 100k-recipient week-long batch answers with a few hundred rows.
/// </summary>
/// <remarks>
/// A call record holds its recipient's latest attempt, so an earlier attempt that was retried is not counted.
/// Only attempts that reached the provider count as dialed and ended (a call id or conversation id): a recipient
/// refused before dialing (do-not-call, outside the window, a number Twilio rejected) made no call.
/// </remarks>
public sealed class CallTimeline
{
    public const int MaxBuckets = 720;

    /// <summary>Bucket widths in minutes, each tried in turn until the batch's span fits in <see cref="MaxBuckets"/>.</summary>
    private static readonly int[] Widths = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440];

    private readonly Dictionary<long, int[]> minutes = [];

    public void Add(CallState call)
    {
        if (call.CallSid is null && call.ConversationId is null)
        {
            return;
        }

        Count(call.DispatchedAt, 0);
        Count(call.AnsweredAt, 1);
        Count(call.EndedAt, 2);
    }

    public CallTimelineResponse ToResponse(string batchId)
    {
        if (minutes.Count == 0)
        {
            return new CallTimelineResponse(batchId, 1, [], 0, 0, 0);
        }

        var first = minutes.Keys.Min();
        var span = minutes.Keys.Max() - first + 1;
        var width = Widths.FirstOrDefault(w => (span + w - 1) / w <= MaxBuckets, Widths[^1]);
        var buckets = minutes
            .GroupBy(m => m.Key / width * width)
            .OrderBy(g => g.Key)
            .Select(g => new CallTimelineBucket(g.Key * 60, g.Sum(m => m.Value[0]), g.Sum(m => m.Value[1]), g.Sum(m => m.Value[2])))
            .ToList();
        return new CallTimelineResponse(batchId, width, buckets, buckets.Sum(b => b.Dialed), buckets.Sum(b => b.Answered), buckets.Sum(b => b.Ended));
    }

    private void Count(DateTimeOffset? at, int series)
    {
        if (at is not { } time)
        {
            return;
        }

        var minute = time.ToUnixTimeSeconds() / 60;
        (minutes.TryGetValue(minute, out var counts) ? counts : minutes[minute] = new int[3])[series]++;
    }
}
