namespace BatchFunctions.Scheduling;

public sealed class CallingTimes(DialPlan plan, TimeSpan closingMargin)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7);

    public TimeSpan ClosingMargin { get; } = closingMargin;

    public CallingTime For(IReadOnlyList<string> recipientZones, DateTimeOffset at)
    {
        // Today's logic, as PlaceCall, TakeDialable and ScheduleRetry each have it.
        var zones = RecipientTimeZones.Resolve(recipientZones.Count > 0 ? recipientZones : [plan.DefaultTimeZone]);
        if (plan.Window.IsOpen(at, zones))
        {
            return CallingTime.Open.Instance;
        }

        var opening = plan.Window.NextOpening(at, zones) ?? at.AddDays(1);
        return new CallingTime.OpensAt(opening, zones[0].Id, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(opening, zones[0]).DateTime));
    }
}
