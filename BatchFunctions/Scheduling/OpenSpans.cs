namespace BatchFunctions.Scheduling;

/// <summary>
/// A calling window as intervals of instants, per zone and in common across zones. Every question
/// about when a window is open (now, next, never) is answered from these, so there is one algorithm:
/// each zone costs a few conversions per day, never a search step by step.
/// </summary>
internal static class OpenSpans
{
    /// <summary>
    /// The spans in which <paramref name="window"/> is open in <paramref name="zone"/>, covering
    /// <paramref name="from"/> to <paramref name="until"/>, adjacent days merged (so a 00:00-24:00
    /// window is one span), each ending <paramref name="closingMargin"/> early; spans the margin
    /// swallows are left out.
    /// </summary>
    public static List<OpenSpan> In(CallingWindow window, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until, TimeSpan closingMargin)
    {
        var spans = new List<OpenSpan>(10);
        var first = LocalDate(from, zone).AddDays(-1);
        var last = LocalDate(until, zone).AddDays(1);
        var allDay = window.End == TimeOnly.MaxValue;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (window.Days.Count > 0 && !window.Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var start = ToInstant(date.ToDateTime(window.Start), zone);
            var end = ToInstant(allDay ? date.AddDays(1).ToDateTime(TimeOnly.MinValue) : date.ToDateTime(window.End), zone);
            if (spans.Count > 0 && spans[^1].End >= start)
            {
                spans[^1] = spans[^1] with { End = end };
            }
            else
            {
                spans.Add(new OpenSpan(start, end));
            }
        }

        if (closingMargin > TimeSpan.Zero)
        {
            for (var i = spans.Count - 1; i >= 0; i--)
            {
                var end = spans[i].End - closingMargin;
                if (end <= spans[i].Start)
                {
                    spans.RemoveAt(i);
                }
                else
                {
                    spans[i] = spans[i] with { End = end };
                }
            }
        }

        return spans;
    }

    /// <summary>The spans open in every one of <paramref name="perZone"/>, in order.</summary>
    public static List<OpenSpan> Common(IReadOnlyList<List<OpenSpan>> perZone)
    {
        var common = perZone[0];
        for (var z = 1; z < perZone.Count; z++)
        {
            var other = perZone[z];
            var result = new List<OpenSpan>(Math.Min(common.Count, other.Count) + 1);
            int i = 0, j = 0;
            while (i < common.Count && j < other.Count)
            {
                var start = Max(common[i].Start, other[j].Start);
                var end = Min(common[i].End, other[j].End);
                if (start < end)
                {
                    result.Add(new OpenSpan(start, end));
                }

                if (common[i].End <= other[j].End)
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            common = result;
        }

        return common;
    }

    /// <summary>The first span of <paramref name="spans"/> that is still open at or after <paramref name="at"/>, if any.</summary>
    public static OpenSpan? FirstOpenFrom(List<OpenSpan> spans, DateTimeOffset at)
    {
        foreach (var span in spans)
        {
            if (span.End > at)
            {
                return span;
            }
        }

        return null;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The instant a local wall-clock time is first reached: a time skipped by a daylight-saving jump
    /// becomes the jump itself, a time that occurs twice its first occurrence.
    /// </summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            // The clock jumped over local: the jump happened when the old offset reached the first valid minute after it.
            var after = local;
            do
            {
                after = after.AddMinutes(1);
            }
            while (zone.IsInvalidTime(after));

            return new DateTimeOffset(after, zone.GetUtcOffset(after));
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
