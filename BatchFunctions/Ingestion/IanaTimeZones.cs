using System.Collections.Frozen;
using NodaTime;
using NodaTime.TimeZones;

namespace BatchFunctions.Ingestion;

/// <summary>
/// IANA time zone ids from the tz database NodaTime ships, so a list reads the same on Windows and
/// Linux hosts (TimeZoneInfo depends on the machine's own zone data).
/// </summary>
internal static class IanaTimeZones
{
    private static readonly FrozenDictionary<string, string> ById = DateTimeZoneProviders.Tzdb.Ids
        .GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    /// <returns>The id as the tz database spells it ("america/new_york" gives "America/New_York"), or null if it is none.</returns>
    public static string? Canonical(string text) => ById.GetValueOrDefault(text.Trim());

    /// <returns>The IANA id for a Windows zone name such as "Eastern Standard Time", or null.</returns>
    public static string? ForWindowsName(string text) =>
        TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(text.Trim(), out var id) ? id : null;
}
