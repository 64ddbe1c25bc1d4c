using System.ComponentModel.DataAnnotations;
using BatchFunctions.Options;

namespace BatchFunctions.Tests.Options;

public sealed class DispatchOptionsTests
{
    [Fact]
    public void WindowClosingMargin_Default_FiveMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), new DispatchOptions().WindowClosingMargin);
    }

    [Theory]
    [InlineData("-00:01:00")]
    [InlineData("01:00:01")]
    public void WindowClosingMargin_OutOfRange_MessageNamesTheSetting(string margin)
    {
        var options = new DispatchOptions { WindowClosingMargin = TimeSpan.Parse(margin, System.Globalization.CultureInfo.InvariantCulture) };
        var errors = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Dispatch__WindowClosingMargin", StringComparison.Ordinal));
    }
}
