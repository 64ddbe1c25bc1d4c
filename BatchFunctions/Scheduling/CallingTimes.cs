using System.Collections.Concurrent;
using System.Globalization;

namespace BatchFunctions.Scheduling;

/// <summary>
/// When a batch's recipients may be dialed: inside the batch's calling window in every zone the
/// recipient may be in, and not in the last <see cref="ClosingMargin"/> before it closes in any of
/// them. A recipient with no such time within <see cref="Horizon"/> is never dialed, so every batch ends.
/// </summary>
/// <remarks>
/// Make one per batch plan and ask it about many recipients: it works out the open hours once per
/// distinct set of zones (recipients of one country share one) and reuses them for two days of
/// campaign time, so a question costs a dictionary look-up. Safe to share between threads.
/// </remarks>
public sealed class CallingTimes
{
    /// <summary>How far ahead an opening is looked for before a recipient is given up as never callable.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(HorizonDays);

    private const int HorizonDays = 7;

    /// <summary>How long worked-out open hours are reused before they are worked out again from a later instant.</summary>
    private static readonly TimeSpan Reuse = TimeSpan.FromDays(2);

    private readonly CallingWindow window;
    private readonly string defaultTimeZone;
    private readonly string[] defaultZones;
    private readonly ConcurrentDictionary<IReadOnlyList<string>, Hours> hours = new(ZoneListComparer.Instance);
    private readonly ConcurrentDictionary<string, TimeZoneInfo?> zoneCache = new(StringComparer.Ordinal);

    /// <param name="plan">The batch's plan: its window and its zone for recipients with none of their own.</param>
    /// <param name="closingMargin">No dial starts this long before the window closes in any zone (Dispatch__WindowClosingMargin).</param>
    /// <exception cref="TimeZoneNotFoundException">The plan's default zone is not a zone this machine knows.</exception>
    public CallingTimes(DialPlan plan, TimeSpan closingMargin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(closingMargin, TimeSpan.Zero);
        window = plan.Window;
        defaultTimeZone = plan.DefaultTimeZone;
        defaultZones = [defaultTimeZone];
        ClosingMargin = closingMargin;
        _ = TimeZoneInfo.FindSystemTimeZoneById(defaultTimeZone);
    }

    public TimeSpan ClosingMargin { get; }

    /// <summary>When the recipient may be dialed, looking from <paramref name="at"/> (campaign time).</summary>
    /// <param name="recipientZones">The recipient's zones as stored (<c>Recipient.TimeZones</c>); empty, or none this machine knows, means the batch's zone.</param>
    /// <param name="at">Campaign time now, or the earliest a retry may be, e.g. now plus its delay.</param>
    public CallingTime For(IReadOnlyList<string> recipientZones, DateTimeOffset at)
    {
        var key = recipientZones.Count > 0 ? recipientZones : defaultZones;
        if (!hours.TryGetValue(key, out var open) || at < open.From || at > open.From + Reuse)
        {
            open = Work(key, at);
            hours[key] = open;
        }

        var common = open.Common;
        for (var c = 0; c < common.Count; c++)
        {
            if (common[c].End > at)
            {
                return common[c].Start <= at ? CallingTime.Open.Instance
                    : common[c].Start < at + Horizon ? open.Openings[c]
                    : Never(open, at);
            }
        }

        return Never(open, at);
    }

    private Hours Work(IReadOnlyList<string> ids, DateTimeOffset from)
    {
        var zones = new List<TimeZoneInfo>(ids.Count);
        foreach (var id in ids)
        {
            if (Zone(id) is { } zone && !zones.Contains(zone))
            {
                zones.Add(zone);
            }
        }

        if (zones.Count == 0)
        {
            zones.Add(Zone(defaultTimeZone)!);
        }

        var until = from + Reuse + Horizon + ClosingMargin;
        var perZone = zones.ConvertAll(zone => OpenSpans.In(window, zone, from, until, ClosingMargin));
        var common = OpenSpans.Common(perZone);
        return new Hours(from, zones, common, Openings(zones, perZone, common));
    }

    private TimeZoneInfo? Zone(string id) =>
        zoneCache.GetOrAdd(id, static id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null);

    /// <summary>Each common span's opening as an answer: the zone that opens last decides it, one of its own spans starting where the common one does.</summary>
    private static CallingTime.OpensAt[] Openings(List<TimeZoneInfo> zones, List<List<OpenSpan>> perZone, List<OpenSpan> common)
    {
        var openings = new CallingTime.OpensAt[common.Count];
        for (var c = 0; c < common.Count; c++)
        {
            var decider = zones[0];
            for (var z = 0; z < zones.Count; z++)
            {
                if (perZone[z].Exists(span => span.Start == common[c].Start))
                {
                    decider = zones[z];
                    break;
                }
            }

            var local = TimeZoneInfo.ConvertTime(common[c].Start, decider);
            openings[c] = new CallingTime.OpensAt(local, decider.Id, TimeOnly.FromTimeSpan(local.TimeOfDay));
        }

        return openings;
    }

    private CallingTime.Never Never(Hours open, DateTimeOffset at)
    {
        var ids = open.Zones.ConvertAll(zone => zone.Id);
        var hoursText = Describe(window);

        // Said differently when only the margin stands in the way, so nobody looks for a zone problem.
        var withoutMargin = OpenSpans.Common(open.Zones.ConvertAll(zone => OpenSpans.In(window, zone, at, at + Horizon, TimeSpan.Zero)));
        var marginDecides = OpenSpans.FirstOpenFrom(withoutMargin, at) is { } span && span.Start < at + Horizon;
        var margin = marginDecides
            ? string.Create(CultureInfo.InvariantCulture, $" long enough to start a call {ClosingMargin.TotalMinutes:0.#} minutes before it closes (Dispatch__WindowClosingMargin)")
            : "";

        if (open.Zones.Count == 1)
        {
            return new CallingTime.Never(ids,
                $"Not called: in the next {HorizonDays} days the calling window {hoursText} is not open in {ids[0]}{margin}. Widen the calling window to call this recipient.");
        }

        var byOffset = open.Zones.OrderBy(zone => zone.GetUtcOffset(at)).Select(zone => zone.Id).ToList();
        var named = byOffset.Count <= 4 ? string.Join(", ", byOffset) : $"{byOffset[0]} to {byOffset[^1]}";
        return new CallingTime.Never(ids,
            $"Not called: this number may be in any of {ids.Count} time zones ({named}), and in the next {HorizonDays} days the calling window {hoursText} " +
            $"is never open in all of them at once{margin}. Add a timezone column with the recipient's own IANA zone so that only it counts, or widen the calling window.");
    }

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static string Describe(CallingWindow window)
    {
        var end = window.End == TimeOnly.MaxValue ? "24:00" : window.End.ToString("HH:mm", CultureInfo.InvariantCulture);
        var hours = $"{window.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{end}";
        return window.Days.Count == 0 ? hours : $"{hours} on {string.Join(",", window.Days.Select(day => DayNames[(int)day]))}";
    }

    /// <summary>Open hours in every zone worked out from <paramref name="From"/>, and each one's opening as an answer.</summary>
    private sealed record Hours(DateTimeOffset From, List<TimeZoneInfo> Zones, List<OpenSpan> Common, CallingTime.OpensAt[] Openings);

    /// <summary>Zone lists as stored are equal when they list the same ids in the same order.</summary>
    private sealed class ZoneListComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly ZoneListComparer Instance = new();

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Count != y.Count)
            {
                return false;
            }

            for (var i = 0; i < x.Count; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(IReadOnlyList<string> zones)
        {
            var hash = new HashCode();
            for (var i = 0; i < zones.Count; i++)
            {
                hash.Add(zones[i], StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
