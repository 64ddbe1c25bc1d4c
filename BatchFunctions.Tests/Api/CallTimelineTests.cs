using BatchFunctions.Api;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Tests.Api;

public sealed class CallTimelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToResponse_CallsWithinAnHour_CountedPerMinuteEmptyMinutesLeftOut()
    {
        var timeline = new CallTimeline();
        timeline.Add(Call("CA1", Start.AddSeconds(5), Start.AddSeconds(20), Start.AddMinutes(2).AddSeconds(1)));
        timeline.Add(Call("CA2", Start.AddSeconds(59), null, Start.AddMinutes(1)));
        timeline.Add(Call(null, Start.AddSeconds(10), null, Start.AddSeconds(10)));

        var response = timeline.ToResponse("btcal_x");

        Assert.Equal(1, response.BucketMinutes);
        var minute = Start.ToUnixTimeSeconds();
        Assert.Equal([new(minute, 2, 1, 0), new(minute + 60, 0, 0, 1), new(minute + 120, 0, 0, 1)], response.Buckets);
        Assert.Equal((2, 1, 2), (response.Dialed, response.Answered, response.Ended));
    }

    [Fact]
    public void ToResponse_CallsOverThreeDays_WiderBucketsNeverMoreThanTheLimit()
    {
        var timeline = new CallTimeline();
        for (var i = 0; i < 3 * 24 * 60; i += 7)
        {
            var at = Start.AddMinutes(i);
            timeline.Add(Call("CA" + i, at, at, at.AddSeconds(30)));
        }

        var response = timeline.ToResponse("btcal_x");

        Assert.Equal(10, response.BucketMinutes);
        Assert.InRange(response.Buckets.Count, 1, CallTimeline.MaxBuckets);
        Assert.All(response.Buckets, b => Assert.Equal(0, b.StartUnix % 600));
        Assert.Equal(((3 * 24 * 60) + 6) / 7, response.Buckets.Sum(b => b.Dialed));
        Assert.Equal(response.Dialed, response.Buckets.Sum(b => b.Ended));
    }

    [Fact]
    public void ToResponse_NoCalls_NoBuckets()
    {
        var response = new CallTimeline().ToResponse("btcal_x");

        Assert.Empty(response.Buckets);
        Assert.Equal((0, 0, 0), (response.Dialed, response.Answered, response.Ended));
    }

    private static CallState Call(string? sid, DateTimeOffset dispatched, DateTimeOffset? answered, DateTimeOffset ended) =>
        new(CallSid: sid, Status: RecipientStatus.Completed, Attempt: 1, DispatchedAt: dispatched, AnsweredAt: answered, EndedAt: ended);
}
