using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>The one place the dialing activities ask whether a recipient may be called now, and if not, until when.</summary>
internal static class CallingTimeGate
{
    public static WindowVerdict Decide(Recipient recipient, DialPlan plan, DateTimeOffset now, TimeSpan margin)
    {
        var zones = RecipientTimeZones.Resolve(recipient.TimeZones.Count > 0 ? recipient.TimeZones : [plan.DefaultTimeZone]);
        if (plan.Window.IsOpen(now, zones) && plan.Window.IsOpen(now + margin, zones))
        {
            return WindowVerdict.Open;
        }

        if (plan.Window.NextOpening(now, zones) is { } opening)
        {
            return new WindowVerdict(false, new Waiting(WaitingReason.CallingWindow, opening, zones[0].Id, plan.Window.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), null);
        }

        return new WindowVerdict(false, null, $"No time in the next 7 days is inside the calling window in all of the number's time zones ({string.Join(", ", zones.Select(z => z.Id))}); add a timezone column.");
    }
}
