using BatchFunctions.Ingestion;
using PhoneNumbers;

namespace BatchFunctions.Tests.Ingestion;

public sealed class PhoneNumberNormalizerTests
{
    [Theory]
    [InlineData("+14155551000", "US")]
    [InlineData("'+14155551000", "US")]
    [InlineData("'+1 (415) 555-1000", "US")]
    [InlineData("+1 415 555 1000", "US")]
    [InlineData("415-555-1000", "US")]
    [InlineData("415.555.1000", "US")]
    [InlineData("(415) 555-1000", "US")]
    [InlineData("415 555 1000", "US")]
    [InlineData("14155551000", "US")]
    [InlineData("14155551000", "GB")]
    [InlineData("0014155551000", "US")]
    [InlineData("0014155551000", "DE")]
    [InlineData("1.4155551000E+10", "US")]
    [InlineData("1,4155551000E+10", "FR")]
    [InlineData("+1\u00a0415\u00a0555\u00a01000", "US")]
    public void Normalize_ManglingsOfAUsNumber_BecomeE164(string raw, string region)
    {
        Assert.Equal("+14155551000", PhoneNumberNormalizer.Normalize(raw, region, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("447400123456", "US", "+447400123456")]
    [InlineData("07400 123456", "GB", "+447400123456")]
    [InlineData("7400123456", "GB", "+447400123456")]
    [InlineData("00 44 20 7946 0123", "US", "+442079460123")]
    public void Normalize_NationalAndInternationalForms_ReadWithTheRegion(string raw, string region, string expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.Normalize(raw, region, out _));
    }

    [Theory]
    [InlineData(14155551000d, "US", "+14155551000")]
    [InlineData(447400123456d, "US", "+447400123456")]
    [InlineData(7400123456d, "GB", "+447400123456")]
    public void Normalize_NumericCell_DigitsReadAsANumberWithoutItsPlus(double cell, string region, string expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.Normalize(CellValue.FromNumber(cell, "General"), region, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("1.55512E+10", "scientific notation and dropped digits")]
    [InlineData("1.41556e10", "scientific notation and dropped digits")]
    [InlineData("1.4155551E+10", "scientific notation and dropped digits")]
    [InlineData("1,55512E+10", "scientific notation and dropped digits")]
    [InlineData("4.47701E+11", "4.47701E+11 keeps 6 of the number's 12 digits")]
    [InlineData("4.47701E+011", "keeps 6 of the number's 12 digits")]
    [InlineData("4.4770090012345E+11", "a number with decimals")]
    [InlineData("hello", "Not a phone number.")]
    [InlineData("+1 415 555", "Not a valid phone number (read with default region US)")]
    [InlineData("555-0000", "Not a valid phone number")]
    [InlineData("  ", "The phone number is empty.")]
    public void Normalize_UnusableText_ErrorSaysWhy(string raw, string expected)
    {
        Assert.Null(PhoneNumberNormalizer.Normalize(raw, "US", out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("447700900123")]
    [InlineData("44 7700 900123")]
    public void Normalize_LostPlusRestoredToAnUnusedNumber_ErrorSaysWhatItWasReadAs(string raw)
    {
        // Ofcom keeps 07700 900000-900999 for drama; libphonenumber lists the range as not in use, with or without the +.
        Assert.Null(PhoneNumberNormalizer.Normalize(raw, "US", out var error));
        Assert.Contains("whose + was lost (+447700900123)", error, StringComparison.Ordinal);
        Assert.Contains("not a number in use in GB", error, StringComparison.Ordinal);
        Assert.Null(PhoneNumberNormalizer.Normalize("+447700900123", "US", out _));
    }

    [Theory]
    [InlineData("4.47911123456E+11")]
    [InlineData("447911123456")]
    public void Normalize_UkMobileThatLostItsPlusReadInTheUs_PlusRestored(string raw)
    {
        Assert.Equal("+447911123456", PhoneNumberNormalizer.Normalize(raw, "US", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Normalize_DateCell_ErrorSaysItIsADate()
    {
        Assert.Null(PhoneNumberNormalizer.Normalize(CellValue.FromDate(new DateTime(2025, 3, 1)), "US", out var error));
        Assert.Contains("reads this cell as a date", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-14155551000d)]
    [InlineData(4155551000.5)]
    [InlineData(1e16)]
    public void Normalize_NumberThatCannotBeAPhoneNumber_Error(double cell)
    {
        Assert.Null(PhoneNumberNormalizer.Normalize(CellValue.FromNumber(cell, null), "US", out var error));
        Assert.Contains("cannot be a phone number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_E164OfEveryRegionAndType_SameAnswerAsLibphonenumbersParser()
    {
        var util = PhoneNumberUtil.GetInstance();
        var types = Enum.GetValues<PhoneNumberType>();
        var checkedNumbers = 0;
        foreach (var region in util.GetSupportedRegions())
        {
            foreach (var type in types)
            {
                if (util.GetExampleNumberForType(region, type) is not { } example)
                {
                    continue;
                }

                foreach (var e164 in Variants(util.Format(example, PhoneNumberFormat.E164)))
                {
                    var parsed = util.Parse(e164, "US");
                    var expected = util.IsValidNumber(parsed) ? util.Format(parsed, PhoneNumberFormat.E164) : null;
                    Assert.True(expected == PhoneNumberNormalizer.Normalize(e164, "US", out _), $"{region} {type} {e164}");
                    checkedNumbers++;
                }
            }
        }

        Assert.True(checkedNumbers > 1000);

        // The example, the same with its last digit changed and one digit longer or shorter: valid and invalid neighbours.
        static IEnumerable<string> Variants(string e164) =>
            [e164, e164[..^1] + (char)('0' + ((e164[^1] - '0' + 1) % 10)), e164 + "5", e164[..^1]];
    }

    [Fact]
    public void Normalize_EveryRegionsNumbersInEveryForm_SameAnswerAsLibphonenumbersParser()
    {
        var util = PhoneNumberUtil.GetInstance();
        var formats = new[] { PhoneNumberFormat.E164, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL };
        var checkedNumbers = 0;
        foreach (var region in util.GetSupportedRegions())
        {
            // Numbers of the list's own region, and of a few others written without their country code (a US list with UK numbers in it).
            foreach (var numberRegion in new[] { region, "US", "GB", "IN" }.Distinct())
            {
                foreach (var type in Enum.GetValues<PhoneNumberType>())
                {
                    if (util.GetExampleNumberForType(numberRegion, type) is not { } example)
                    {
                        continue;
                    }

                    foreach (var format in formats)
                    {
                        var written = util.Format(example, format);
                        foreach (var text in Variants(written).Append(new string([.. written.Where(char.IsAsciiDigit)])))
                        {
                            Assert.True(ByLibphonenumber(util, text, region) == PhoneNumberNormalizer.Normalize(text, region, out _), $"{text} in {region}");
                            checkedNumbers++;
                        }
                    }
                }
            }
        }

        Assert.True(checkedNumbers > 50_000, $"{checkedNumbers} numbers checked");

        static IEnumerable<string> Variants(string written) =>
            [written, written[..^1] + (char)('0' + ((written[^1] - '0' + 1) % 10)), written + "5", written[..^1]];
    }

    [Theory]
    [InlineData("US")]
    [InlineData("CA")]
    [InlineData("GB")]
    [InlineData("DE")]
    [InlineData("IT")]
    [InlineData("AR")]
    [InlineData("MX")]
    [InlineData("BR")]
    [InlineData("IN")]
    [InlineData("RU")]
    [InlineData("KZ")]
    [InlineData("AU")]
    [InlineData("NG")]
    [InlineData("JP")]
    public void Normalize_RandomDigitsInARegion_SameAnswerAsLibphonenumbersParser(string region)
    {
        var util = PhoneNumberUtil.GetInstance();
        var random = new Random((region[0] << 8) | region[1]);
        var separators = new[] { "", " ", "-", ".", "(", ")", "/" };
        var valid = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(3, 16);
            var text = new System.Text.StringBuilder(random.Next(4) == 0 ? "+" : "");
            for (var d = 0; d < length; d++)
            {
                text.Append((char)('0' + random.Next(10))).Append(random.Next(5) == 0 ? separators[random.Next(separators.Length)] : "");
            }

            var expected = ByLibphonenumber(util, text.ToString(), region);
            Assert.True(expected == PhoneNumberNormalizer.Normalize(text.ToString(), region, out _), $"{text} in {region}");
            valid += expected is null ? 0 : 1;
        }

        Assert.True(valid > 100, $"only {valid} valid numbers drawn in {region}");
    }

    /// <summary>The normaliser's cascade with libphonenumber's own Parse and validity checks at every step.</summary>
    private static string? ByLibphonenumber(PhoneNumberUtil util, string text, string region)
    {
        string? Read(string candidate)
        {
            try
            {
                var number = util.Parse(candidate, region);
                var valid = (number.CountryCode == util.GetCountryCodeForRegion(region) && util.IsValidNumberForRegion(number, region)) || util.IsValidNumber(number);
                return valid ? util.Format(number, PhoneNumberFormat.E164) : null;
            }
            catch (NumberParseException)
            {
                return null;
            }
        }

        var trimmed = text.Trim();
        var read = trimmed.StartsWith("00", StringComparison.Ordinal) ? "+" + trimmed[2..] : trimmed;
        var lostPlus = read.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '/') && read.Count(char.IsAsciiDigit) >= 11;
        return Read(read) ?? (lostPlus ? Read("+" + read) : null);
    }
}
