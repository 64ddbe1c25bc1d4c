using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Tests.Scheduling;

public sealed class CallingTimesTests
{
    private const string MoscowMobile = "+79161234567";
    private const string UsTollFree = "+18002752273";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTimeOffset TuesdayNoonUtc = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-12-01T12:00Z")]
    [InlineData("2026-12-01T07:00Z")]
    public void For_MoscowMobileNineToFive_NeverNamingTheZonesAndTheTimezoneColumn(string at)
    {
        var times = Times("09:00-17:00", null, "UTC");

        var time = times.For(ZonesOf(MoscowMobile, "UTC"), DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        var never = Assert.IsType<CallingTime.Never>(time);
        Assert.Equal(16, never.Zones.Count);
        Assert.Contains("Europe/Bucharest", never.Message, StringComparison.Ordinal);
        Assert.Contains("Asia/Kamchatka", never.Message, StringComparison.Ordinal);
        Assert.Contains("timezone", never.Message, StringComparison.Ordinal);
        Assert.Equal("\"outside_calling_window\"", JsonSerializer.Serialize(CallingTime.Never.Reason));
    }

    [Fact]
    public void For_MoscowMobileEightToNineAfterHours_OpensAtSixUtcWhenItsWesternmostZoneOpens()
    {
        var times = Times("08:00-21:00", null, "UTC");

        var time = times.For(ZonesOf(MoscowMobile, "UTC"), TuesdayNoonUtc);

        // libphonenumber puts +7 9xx in 16 zones from Europe/Bucharest (UTC+2) to Asia/Kamchatka (UTC+12).
        Assert.Equal(new CallingTime.OpensAt(new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero), "Europe/Bucharest", new TimeOnly(8, 0)), time);
        Assert.Equal("Waiting for 08:00 in Europe/Bucharest.", ((CallingTime.OpensAt)time).Message);
    }

    [Theory]
    [InlineData(6, 0, true)]
    [InlineData(8, 54, true)]
    [InlineData(8, 55, false)]
    public void For_MoscowMobileEightToNine_OpenOnlyUntilKamchatkaClosesLessTheMargin(int hourUtc, int minuteUtc, bool open)
    {
        var times = Times("08:00-21:00", null, "UTC");

        var time = times.For(ZonesOf(MoscowMobile, "UTC"), new DateTimeOffset(2026, 12, 1, hourUtc, minuteUtc, 0, TimeSpan.Zero));

        Assert.Equal(open, time is CallingTime.Open);
    }

    [Theory]
    [InlineData("09:00-17:00")]
    [InlineData("08:00-21:00")]
    public void For_UsTollFreeAtNoonInTheBatchZone_Open(string hours)
    {
        var times = Times(hours, null, "America/New_York");

        var time = times.For(ZonesOf(UsTollFree, "America/New_York"), Local(2026, 12, 1, 12, 0, NewYork));

        Assert.IsType<CallingTime.Open>(time);
    }

    [Theory]
    [InlineData("09:00-17:00", 9)]
    [InlineData("08:00-21:00", 8)]
    public void For_UsTollFreeAtNightInTheBatchZone_OpensWhenTheBatchZoneOpens(string hours, int opening)
    {
        var times = Times(hours, null, "America/New_York");

        var time = times.For(ZonesOf(UsTollFree, "America/New_York"), Local(2026, 12, 1, 22, 0, NewYork));

        Assert.Equal(new CallingTime.OpensAt(Local(2026, 12, 2, opening, 0, NewYork), "America/New_York", new TimeOnly(opening, 0)), time);
    }

    [Fact]
    public void For_MoscowMobileWithTimezoneColumn_OnlyThatZoneCounts()
    {
        var times = Times("09:00-17:00", null, "UTC");

        var time = times.For(ZonesOf(MoscowMobile, "UTC", timezone: "Europe/Moscow"), new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero));

        Assert.IsType<CallingTime.Open>(time);
    }

    [Fact]
    public void For_NoZonesStored_UsesTheBatchZone()
    {
        var times = Times("09:00-17:00", null, "Europe/Berlin");

        var time = times.For([], Local(2026, 12, 1, 8, 0, Berlin));

        Assert.Equal(new CallingTime.OpensAt(Local(2026, 12, 1, 9, 0, Berlin), "Europe/Berlin", new TimeOnly(9, 0)), time);
    }

    [Fact]
    public void For_TwoZonesAfterHours_TheLaterZoneDecides()
    {
        var times = Times("08:00-21:00", null, "UTC");

        var time = times.For(["America/New_York", "America/Los_Angeles"], Local(2026, 12, 1, 22, 0, NewYork));

        Assert.Equal(new CallingTime.OpensAt(Local(2026, 12, 2, 8, 0, LosAngeles), "America/Los_Angeles", new TimeOnly(8, 0)), time);
    }

    [Fact]
    public void For_SpringForwardNight_OpensAtTheLocalHourInSummerTime()
    {
        // Europe/Berlin moves from 02:00 to 03:00 on 2027-03-28.
        var times = Times("08:00-21:00", null, "Europe/Berlin");

        var time = times.For(["Europe/Berlin"], Local(2027, 3, 27, 22, 0, Berlin));

        Assert.Equal(new CallingTime.OpensAt(new DateTimeOffset(2027, 3, 28, 6, 0, 0, TimeSpan.Zero), "Europe/Berlin", new TimeOnly(8, 0)), time);
    }

    [Fact]
    public void For_FallBackNight_OpensAtTheLocalHourInStandardTime()
    {
        // America/New_York moves from 02:00 back to 01:00 on 2026-11-01.
        var times = Times("08:00-21:00", null, "America/New_York");

        var time = times.For(["America/New_York"], Local(2026, 10, 31, 22, 0, NewYork));

        Assert.Equal(new CallingTime.OpensAt(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), "America/New_York", new TimeOnly(8, 0)), time);
    }

    [Fact]
    public void For_WindowStartInsideTheSpringForwardGap_OpensWhenTheClockJumps()
    {
        var times = Times("02:30-05:00", null, "Europe/Berlin");

        var time = times.For(["Europe/Berlin"], Local(2027, 3, 27, 22, 0, Berlin));

        Assert.Equal(new CallingTime.OpensAt(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), "Europe/Berlin", new TimeOnly(3, 0)), time);
    }

    [Fact]
    public void For_LondonAndNewYorkBetweenTheirDaylightSavingDates_CommonHoursFollowTheShiftedOffset()
    {
        // On 2027-03-15 New York is on summer time (UTC-4) and London not yet (UTC+0): common hours 12:00-21:00 UTC.
        var times = Times("08:00-21:00", null, "UTC");
        var zones = new[] { "Europe/London", "America/New_York" };

        var time = times.For(zones, new DateTimeOffset(2027, 3, 15, 11, 0, 0, TimeSpan.Zero));

        Assert.Equal(new CallingTime.OpensAt(new DateTimeOffset(2027, 3, 15, 12, 0, 0, TimeSpan.Zero), "America/New_York", new TimeOnly(8, 0)), time);
        Assert.IsType<CallingTime.Open>(times.For(zones, new DateTimeOffset(2027, 3, 15, 20, 54, 0, TimeSpan.Zero)));
        Assert.IsType<CallingTime.OpensAt>(times.For(zones, new DateTimeOffset(2027, 3, 15, 20, 55, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void For_WeekdaysOnlyOnFridayNight_OpensMondayMorning()
    {
        var times = Times("09:00-17:00", "mon-fri", "Europe/Berlin");

        var time = times.For(["Europe/Berlin"], Local(2026, 11, 27, 18, 0, Berlin));

        Assert.Equal(new CallingTime.OpensAt(Local(2026, 11, 30, 9, 0, Berlin), "Europe/Berlin", new TimeOnly(9, 0)), time);
    }

    [Fact]
    public void For_WeekdaysOnlyAcrossTheDateLine_NeverWhenTheDaysNeverOverlap()
    {
        // Kiritimati (UTC+14) is a day ahead of Pago Pago (UTC-11): Monday in one is never Monday in the other.
        var times = Times("09:00-17:00", "mon", "UTC");

        var time = times.For(["Pacific/Kiritimati", "Pacific/Pago_Pago"], TuesdayNoonUtc);

        var never = Assert.IsType<CallingTime.Never>(time);
        Assert.Equal(["Pacific/Kiritimati", "Pacific/Pago_Pago"], never.Zones);
    }

    [Theory]
    [InlineData(20, 54, true)]
    [InlineData(20, 55, false)]
    [InlineData(20, 56, false)]
    public void For_FiveMinutesBeforeTheWindowCloses_NotOpenAndNextOpeningTomorrow(int hour, int minute, bool open)
    {
        var times = Times("08:00-21:00", null, "Europe/Berlin");

        var time = times.For(["Europe/Berlin"], Local(2026, 12, 1, hour, minute, Berlin));

        Assert.Equal(open ? CallingTime.Open.Instance : new CallingTime.OpensAt(Local(2026, 12, 2, 8, 0, Berlin), "Europe/Berlin", new TimeOnly(8, 0)), time);
    }

    [Fact]
    public void For_WindowShorterThanTheMargin_Never()
    {
        var times = Times("09:00-09:04", null, "Europe/Berlin");

        var never = Assert.IsType<CallingTime.Never>(times.For(["Europe/Berlin"], TuesdayNoonUtc));

        Assert.Contains("09:00-09:04", never.Message, StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", never.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-01T23:58:00+01:00")]
    [InlineData("2026-12-02T00:00:00+01:00")]
    [InlineData("2027-03-28T01:59:00+01:00")]
    [InlineData("2027-03-28T03:00:00+02:00")]
    [InlineData("2026-10-25T02:30:00+01:00")]
    public void For_AllDayWindow_AlwaysOpenEvenAtMidnightAndOverDaylightSaving(string at)
    {
        var times = Times("00:00-24:00", null, "Europe/Berlin");

        var time = times.For(ZonesOf(MoscowMobile, "Europe/Berlin").Append("Europe/Berlin").ToList(), DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.IsType<CallingTime.Open>(time);
    }

    [Fact]
    public void For_AllDayWindowOnWeekdaysLateFriday_ClosesBeforeSaturdayLessTheMargin()
    {
        var times = Times("00:00-24:00", "mon-fri", "Europe/Berlin");

        var time = times.For(["Europe/Berlin"], Local(2026, 11, 27, 23, 58, Berlin));

        Assert.Equal(new CallingTime.OpensAt(Local(2026, 11, 30, 0, 0, Berlin), "Europe/Berlin", new TimeOnly(0, 0)), time);
    }

    [Fact]
    public void For_SundaysOnlyOnMondayMorning_OpensSixDaysLater()
    {
        var times = Times("09:00-17:00", "sun", "Europe/Berlin");

        var time = times.For(["Europe/Berlin"], Local(2026, 11, 30, 9, 0, Berlin));

        Assert.Equal(new CallingTime.OpensAt(Local(2026, 12, 6, 9, 0, Berlin), "Europe/Berlin", new TimeOnly(9, 0)), time);
    }

    private static CallingTimes Times(string hours, string? days, string defaultZone) =>
        new(new DialPlan(CallingWindow.Parse(hours, days), RetryRules.None, defaultZone, null), Margin);

    private static IReadOnlyList<string> ZonesOf(string number, string defaultZone, string? timezone = null)
    {
        var variables = new Dictionary<string, JsonElement>();
        if (timezone is not null)
        {
            variables[RecipientTimeZones.Column] = JsonSerializer.SerializeToElement(timezone);
        }

        return RecipientTimeZones.For(new Recipient(0, 2, number, new ConversationInitiationClientData(variables)), defaultZone);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute, TimeZoneInfo zone)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
