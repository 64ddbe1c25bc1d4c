namespace BatchFunctions.Scheduling;

/// <summary>
/// The time calling windows and retry delays are judged by. In production it is the wall clock; in a
/// rehearsal it may start at a chosen moment and run faster, so a day of windows plays out in minutes
/// against the telephony simulator.
/// </summary>
public interface ICampaignClock
{
    DateTimeOffset Now { get; }

    /// <summary>How long to really wait for <paramref name="campaignTime"/> of campaign time to pass.</summary>
    TimeSpan ToRealTime(TimeSpan campaignTime);
}
