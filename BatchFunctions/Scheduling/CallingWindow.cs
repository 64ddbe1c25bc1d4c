namespace BatchFunctions.Scheduling;

/// <summary>
/// The local hours and weekdays in which a recipient may be called. A recipient whose number spans
/// several time zones may be called only when the window is open in all of them. The default is the
/// TCPA's 08:00 to 21:00, every day.
/// </summary>
/// <param name="Start">Local time the window opens (inclusive).</param>
/// <param name="End">Local time the window closes (exclusive); must be after <paramref name="Start"/>.</param>
/// <param name="Days">Local weekdays on which the window opens; empty means every day.</param>
public sealed record CallingWindow(TimeOnly Start, TimeOnly End, IReadOnlyList<DayOfWeek> Days)
{
    public static readonly CallingWindow Tcpa = new(new TimeOnly(8, 0), new TimeOnly(21, 0), []);

    /// <summary>Open around the clock: for rehearsals and tests that are not about windows.</summary>
    public static readonly CallingWindow Always = new(TimeOnly.MinValue, TimeOnly.MaxValue, []);

    /// <summary>How far ahead to look for an opening before concluding the window never opens.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(8);

    /// <summary>Reads "08:00-21:00" and days such as "mon-fri" or "mon,wed,sat" (empty: every day).</summary>
    /// <exception cref="FormatException">The message says what is wrong and what is expected.</exception>
    public static CallingWindow Parse(string hours, string? days)
    {
        var parts = hours.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
        {
            throw new FormatException($"The calling window '{hours}' must be two 24-hour local times, e.g. 08:00-21:00.");
        }

        if (end <= start)
        {
            throw new FormatException($"The calling window '{hours}' must end after it starts.");
        }

        return new CallingWindow(start, end, ParseDays(days));
    }

    private static bool TryParseTime(string text, out TimeOnly time)
    {
        if (text == "24:00")
        {
            time = TimeOnly.MaxValue;
            return true;
        }

        return TimeOnly.TryParseExact(text, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
    }

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static List<DayOfWeek> ParseDays(string? days)
    {
        var result = new List<DayOfWeek>();
        foreach (var item in (days ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = item.ToLowerInvariant().Split('-', StringSplitOptions.TrimEntries);
            var first = Array.IndexOf(DayNames, range[0]);
            var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
            if (range.Length > 2 || first < 0 || last < 0)
            {
                throw new FormatException($"The calling days '{days}' must be day names (sun, mon, tue, wed, thu, fri, sat) or ranges such as mon-fri.");
            }

            for (var day = first; ; day = (day + 1) % 7)
            {
                if (!result.Contains((DayOfWeek)day))
                {
                    result.Add((DayOfWeek)day);
                }

                if (day == last)
                {
                    break;
                }
            }
        }

        return result;
    }

    public bool IsOpen(DateTimeOffset instant, IReadOnlyList<TimeZoneInfo> zones) => zones.All(zone => IsOpenIn(instant, zone));

    /// <summary>The first instant at or after <paramref name="from"/> when the window is open in every zone, or null if none within a week.</summary>
    /// <remarks>Without a closing margin; <see cref="CallingTimes"/> answers with one, and says why when the answer is never.</remarks>
    public DateTimeOffset? NextOpening(DateTimeOffset from, IReadOnlyList<TimeZoneInfo> zones)
    {
        if (zones.Count == 0)
        {
            return from;
        }

        var limit = from + Horizon;
        var perZone = zones.Select(zone => OpenSpans.In(this, zone, from, limit, TimeSpan.Zero)).ToList();
        return OpenSpans.FirstOpenFrom(OpenSpans.Common(perZone), from) is { } span && span.Start < limit
            ? (span.Start > from ? span.Start : from)
            : null;
    }

    private bool IsOpenIn(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return (Days.Count == 0 || Days.Contains(local.DayOfWeek)) && time >= Start && time < End;
    }
}
