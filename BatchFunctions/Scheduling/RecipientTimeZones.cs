using BatchFunctions.Domain;
using PhoneNumbers;

namespace BatchFunctions.Scheduling;

/// <summary>
/// Where a recipient's local time comes from: their own timezone column, else every zone their
/// number may be in (libphonenumber's geography of numbering plans), else the batch's default.
/// Numbers that say nothing of where their holder is (toll-free, premium rate, shared cost, VoIP,
/// personal, pager, voicemail, UAN, and the non-geographic calling codes such as +800 and +870)
/// take the batch's zone: libphonenumber would give them every zone of their country (42 for a
/// +1 800 number), whose windows rarely overlap.
/// </summary>
public static class RecipientTimeZones
{
    public const string Column = "timezone";

    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The recipients with their zones, as a batch stores them when it is launched; streamed.</summary>
    public static IEnumerable<Recipient> Locate(IEnumerable<Recipient> recipients, string defaultTimeZone) =>
        recipients.Select(r => r with { TimeZones = For(r, defaultTimeZone) });

    public static IReadOnlyList<string> For(Recipient recipient, string defaultTimeZone)
    {
        if (recipient.ClientData.DynamicVariables.TryGetValue(Column, out var column)
            && column.ValueKind == System.Text.Json.JsonValueKind.String
            && column.GetString() is { Length: > 0 } named
            && TimeZoneInfo.TryFindSystemTimeZoneById(named, out _))
        {
            return [named];
        }

        var number = Numbers.Parse(recipient.PhoneNumber, null);
        if (!SaysWhere(number))
        {
            return [defaultTimeZone];
        }

        var mapper = PhoneNumberToTimeZonesMapper.GetInstance();
        var zones = mapper
            .GetTimeZonesForNumber(number)
            .Where(zone => zone != mapper.GetUnknownTimeZone() && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            .ToList();
        return zones.Count > 0 ? zones : [defaultTimeZone];
    }

    private static bool SaysWhere(PhoneNumber number) =>
        Numbers.GetRegionCodeForNumber(number) != NonGeographicRegion
        && Numbers.GetNumberType(number) is not (PhoneNumberType.TOLL_FREE or PhoneNumberType.PREMIUM_RATE or PhoneNumberType.SHARED_COST
            or PhoneNumberType.UAN or PhoneNumberType.VOIP or PhoneNumberType.PERSONAL_NUMBER or PhoneNumberType.PAGER or PhoneNumberType.VOICEMAIL);

    /// <summary>libphonenumber's region for calling codes that belong to no country (+800, +808, +870, +881, +882, ...).</summary>
    private const string NonGeographicRegion = "001";
}
