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
    [InlineData("hello", "Not a phone number.")]
    [InlineData("+1 415 555", "Not a valid phone number (read with default region US)")]
    [InlineData("555-0000", "Not a valid phone number")]
    [InlineData("  ", "The phone number is empty.")]
    public void Normalize_UnusableText_ErrorSaysWhy(string raw, string expected)
    {
        Assert.Null(PhoneNumberNormalizer.Normalize(raw, "US", out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
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
}
