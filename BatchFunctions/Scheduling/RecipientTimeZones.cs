using BatchFunctions.Domain;
using PhoneNumbers;

namespace BatchFunctions.Scheduling;

/// <summary>
/// Where a recipient's local time comes from: their own timezone column, else every zone their
/// number may be in (libphonenumber's geography of numbering plans), else the batch's default.
/// </summary>
public static class RecipientTimeZones
{
    public const string Column = "timezone";

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    public static IReadOnlyList<string> For(Recipient recipient, string defaultTimeZone)
    {
        if (recipient.ClientData.DynamicVariables.TryGetValue(Column, out var column)
            && column.ValueKind == System.Text.Json.JsonValueKind.String
            && column.GetString() is { Length: > 0 } named
            && TimeZoneInfo.TryFindSystemTimeZoneById(named, out _))
        {
            return [named];
        }

        var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
        var zones = mapper
            .GetTimeZonesForNumber(Numbers.Parse(recipient.PhoneNumber, null))
            .Where(zone => zone != mapper.GetUnknownTimeZone() && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .ToList();
        return zones.Count > 0 ? zones : [defaultTimeZone];
    }

    public static IReadOnlyList<TimeZoneInfo> Resolve(IEnumerable<string> zones) =>
        [.. zones.Select(TimeZoneInfo.FindSystemTimeZoneById)];
}
