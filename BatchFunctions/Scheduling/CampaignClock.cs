namespace BatchFunctions.Scheduling;

/// <summary>Campaign time from a <see cref="TimeProvider"/>, optionally shifted to a start moment and accelerated.</summary>
public sealed class CampaignClock : ICampaignClock
{
    private readonly TimeProvider time;
    private readonly DateTimeOffset realStart;
    private readonly DateTimeOffset campaignStart;
    private readonly double acceleration;

    public CampaignClock(TimeProvider time, DateTimeOffset? campaignStart = null, double acceleration = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(acceleration, 1);
        this.time = time;
        this.acceleration = acceleration;
        realStart = time.GetUtcNow();
        this.campaignStart = campaignStart ?? realStart;
    }

    public DateTimeOffset Now => campaignStart + (time.GetUtcNow() - realStart) * acceleration;

    public TimeSpan ToRealTime(TimeSpan campaignTime) => campaignTime / acceleration;
}
