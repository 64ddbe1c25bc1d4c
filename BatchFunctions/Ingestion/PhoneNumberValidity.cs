using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace BatchFunctions.Ingestion;

/// <summary>
/// libphonenumber's validity rules (IsValidNumber, IsValidNumberForRegion), applied to its own metadata with
/// the patterns compiled. libphonenumber runs the same patterns through the regex interpreter, which made the
/// check three quarters of the cost of reading a well-written number. The logic follows PhoneNumberUtil's
/// getNumberTypeHelper, getRegionCodeForNumberFromRegionList and isValidNumberForRegion line for line;
/// PhoneNumberNormalizerTests holds it to libphonenumber's answers over every region's example numbers and
/// their neighbours.
/// </summary>
internal static class PhoneNumberValidity
{
    private const string NonGeographicRegion = "001";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<string, NumberingPlan?> RegionPlans = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<int, NumberingPlan?> NonGeographicPlans = new();
    private static readonly ConcurrentDictionary<int, string[]> RegionsOfCallingCode = new();

    // By calling code (1-999), filled as codes are met.
    private static readonly StrongBox<NumberingPlan?>?[] MainPlans = new StrongBox<NumberingPlan?>?[1000];

    private static HomeRegion? lastHome;

    /// <summary>Valid for <paramref name="region"/> when the calling code is its own, else valid anywhere: what the normaliser accepts.</summary>
    /// <param name="nationalNumber">The national significant number: digits only, no leading zero.</param>
    public static bool IsValid(int countryCode, ReadOnlySpan<char> nationalNumber, string region)
    {
        // A calling code that is the region's own makes the region a geographic one, whose plan IsValidForRegion would take.
        var home = Home(region);
        return (countryCode == home.CountryCode && home.Plan is { } plan && countryCode == plan.CountryCode && plan.HasType(nationalNumber))
            || IsValidNumber(countryCode, nationalNumber);
    }

    /// <summary>Util.GetCountryCodeForRegion: 0 for a region that is none.</summary>
    public static int CountryCodeForRegion(string region) => Home(region).CountryCode;

    /// <summary>
    /// Whether parsing would try to strip a national prefix from this national number (libphonenumber does so even
    /// after a + and a calling code): true sends the number down libphonenumber's own parser.
    /// </summary>
    public static bool MayStartWithNationalPrefix(int countryCode, ReadOnlySpan<char> nationalNumber) =>
        MainPlan(countryCode) is not { } plan || (plan.NationalPrefix is { } prefix && prefix.IsMatch(nationalNumber));

    /// <summary>
    /// Whether the parser, given these digits with no + in <paramref name="region"/>, might read them as anything but
    /// a national number of that region: they may begin with its international prefix (maybeStripInternationalPrefix),
    /// its calling code (maybeExtractCountryCode) or its national prefix (maybeStripNationalPrefixAndCarrierCode).
    /// </summary>
    public static bool MayBeReadOtherwise(ReadOnlySpan<char> digits, string region, int countryCode)
    {
        if (Home(region).Plan is not { } plan)
        {
            return true;
        }

        Span<char> code = stackalloc char[4];
        countryCode.TryFormat(code, out var codeLength, provider: System.Globalization.CultureInfo.InvariantCulture);
        return (plan.InternationalPrefix is { } idd && idd.IsMatch(digits))
            || digits.StartsWith(code[..codeLength])
            || (plan.NationalPrefix is { } prefix && prefix.IsMatch(digits));
    }

    private static bool IsValidNumber(int countryCode, ReadOnlySpan<char> nationalNumber)
    {
        var regions = RegionsOfCallingCode.GetOrAdd(countryCode, static code => [.. Util.GetRegionCodesForCountryCode(code)]);
        if (regions.Length == 0)
        {
            return false;
        }

        if (regions.Length == 1)
        {
            return IsValidForRegion(countryCode, nationalNumber, regions[0]);
        }

        foreach (var region in regions)
        {
            if (Plan(region) is not { } plan)
            {
                continue;
            }

            if (plan.LeadingDigits is { } leadingDigits)
            {
                if (leadingDigits.IsMatch(nationalNumber))
                {
                    return IsValidForRegion(countryCode, nationalNumber, region);
                }
            }
            else if (plan.HasType(nationalNumber))
            {
                return true; // isValidNumberForRegion would ask the same plan the same question.
            }
        }

        return false;
    }

    private static bool IsValidForRegion(int countryCode, ReadOnlySpan<char> nationalNumber, string region)
    {
        var plan = region == NonGeographicRegion ? NonGeographicPlans.GetOrAdd(countryCode, static code => NumberingPlan.From(Util.GetMetadataForNonGeographicalRegion(code))) : Plan(region);
        return plan is not null && (region == NonGeographicRegion || countryCode == plan.CountryCode) && plan.HasType(nationalNumber);
    }

    private static NumberingPlan? Plan(string region) => RegionPlans.GetOrAdd(region, static code => NumberingPlan.From(Util.GetMetadataForRegion(code)));

    /// <summary>The plan whose national prefix the parser strips after "+code": the calling code's main region, or its non-geographic entity.</summary>
    private static NumberingPlan? MainPlan(int countryCode)
    {
        var known = (uint)countryCode < MainPlans.Length ? Volatile.Read(ref MainPlans[countryCode]) : null;
        if (known is not null)
        {
            return known.Value;
        }

        var region = Util.GetRegionCodeForCountryCode(countryCode);
        var plan = region == NonGeographicRegion ? NonGeographicPlans.GetOrAdd(countryCode, static code => NumberingPlan.From(Util.GetMetadataForNonGeographicalRegion(code)))
            : region == "ZZ" ? null
            : Plan(region);
        if ((uint)countryCode < MainPlans.Length)
        {
            Volatile.Write(ref MainPlans[countryCode], new StrongBox<NumberingPlan?>(plan));
        }

        return plan;
    }

    /// <summary>
    /// The region a list is read in, the same for every row of it: its calling code and plan kept at hand, rather than looked
    /// up through three dictionaries keyed by its name two or three times a row.
    /// </summary>
    private static HomeRegion Home(string region)
    {
        var home = Volatile.Read(ref lastHome);
        if (home is null || !string.Equals(home.Name, region, StringComparison.Ordinal))
        {
            home = new HomeRegion(region, Util.GetCountryCodeForRegion(region), Plan(region));
            Volatile.Write(ref lastHome, home);
        }

        return home;
    }

    private sealed record HomeRegion(string Name, int CountryCode, NumberingPlan? Plan);

    private sealed class NumberingPlan
    {
        private NumberingPlan(PhoneMetadata metadata)
        {
            CountryCode = metadata.CountryCode;
            General = new NumberPattern(metadata.GeneralDesc);

            // getNumberTypeHelper's types. Any match makes the number valid, so their order is free: fixed line and mobile, which
            // most numbers are, come first, before the rarer types that most numbers were tried against in vain.
            Types =
            [
                new NumberPattern(metadata.FixedLine), new NumberPattern(metadata.Mobile), new NumberPattern(metadata.TollFree),
                new NumberPattern(metadata.PremiumRate), new NumberPattern(metadata.SharedCost), new NumberPattern(metadata.Voip),
                new NumberPattern(metadata.PersonalNumber), new NumberPattern(metadata.Pager), new NumberPattern(metadata.Uan),
                new NumberPattern(metadata.Voicemail),
            ];
            LeadingDigits = metadata.HasLeadingDigits && metadata.LeadingDigits.Length > 0 ? new LeadingPattern(metadata.LeadingDigits) : null;

            // maybeStripNationalPrefixAndCarrierCode: national prefix for parsing, else the national prefix itself, matched at the start.
            var prefix = metadata.HasNationalPrefixForParsing && metadata.NationalPrefixForParsing.Length > 0 ? metadata.NationalPrefixForParsing : metadata.NationalPrefix;
            NationalPrefix = string.IsNullOrEmpty(prefix) ? null : new LeadingPattern(prefix);
            InternationalPrefix = string.IsNullOrEmpty(metadata.InternationalPrefix) ? null : new LeadingPattern(metadata.InternationalPrefix);
        }

        public int CountryCode { get; }

        public LeadingPattern? LeadingDigits { get; }

        public LeadingPattern? NationalPrefix { get; }

        public LeadingPattern? InternationalPrefix { get; }

        private NumberPattern General { get; }

        private NumberPattern[] Types { get; }

        public static NumberingPlan? From(PhoneMetadata? metadata) => metadata is null ? null : new NumberingPlan(metadata);

        /// <summary>getNumberTypeHelper(...) != UNKNOWN.</summary>
        public bool HasType(ReadOnlySpan<char> nationalNumber)
        {
            if (!General.Matches(nationalNumber))
            {
                return false;
            }

            foreach (var type in Types)
            {
                if (type.Matches(nationalNumber))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A pattern matched at the start of a number (lookingAt): a plain run of digits, as most national and international prefixes
    /// are ("1", "011", "0"), by comparing, which costs a fraction of a regular expression's call; anything else by its regex.
    /// </summary>
    private sealed class LeadingPattern
    {
        private readonly string? digits;
        private readonly Regex? regex;

        public LeadingPattern(string pattern)
        {
            if (pattern.AsSpan().ContainsAnyExceptInRange('0', '9'))
            {
                regex = Compile(pattern, anchoredAtEnd: false);
            }
            else
            {
                digits = pattern;
            }
        }

        public bool IsMatch(ReadOnlySpan<char> number) => digits is not null ? number.StartsWith(digits, StringComparison.Ordinal) : regex!.IsMatch(number);
    }

    /// <summary>isNumberMatchingDesc: a possible length (when the description lists any) and the whole number matching its pattern.</summary>
    private sealed class NumberPattern(PhoneNumberDesc? description)
    {
        private readonly int[] lengths = description is null ? [] : [.. description.PossibleLengthList];
        private readonly Lazy<Regex>? pattern = description is { NationalNumberPattern.Length: > 0 } desc
            ? new Lazy<Regex>(() => Compile(desc.NationalNumberPattern, anchoredAtEnd: true))
            : null;

        public bool Matches(ReadOnlySpan<char> nationalNumber) =>
            (lengths.Length == 0 || Array.IndexOf(lengths, nationalNumber.Length) >= 0) && pattern is not null && pattern.Value.IsMatch(nationalNumber);
    }

    private static Regex Compile(string pattern, bool anchoredAtEnd) =>
        new(anchoredAtEnd ? $@"\A(?:{pattern})\z" : $@"\A(?:{pattern})", RegexOptions.Compiled | RegexOptions.CultureInvariant);
}
