using BatchFunctions.Scheduling;

namespace BatchFunctions.Tests.Scheduling;

public sealed class CallingWindowTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData(7, 59, false)]
    [InlineData(8, 0, true)]
    [InlineData(20, 59, true)]
    [InlineData(21, 0, false)]
    public void IsOpen_TcpaHoursLocalTime_OpenFromEightUntilNine(int hour, int minute, bool open)
    {
        var instant = Local(2026, 12, 1, hour, minute, NewYork);

        Assert.Equal(open, CallingWindow.Tcpa.IsOpen(instant, [NewYork]));
    }

    [Fact]
    public void IsOpen_NumberSpanningTwoZones_OnlyHoursOpenInBoth()
    {
        // 08:30 in New York is 05:30 in Los Angeles.
        var instant = Local(2026, 12, 1, 8, 30, NewYork);

        Assert.True(CallingWindow.Tcpa.IsOpen(instant, [NewYork]));
        Assert.False(CallingWindow.Tcpa.IsOpen(instant, [NewYork, LosAngeles]));
    }

    [Fact]
    public void NextOpening_AfterHoursInTwoZones_IsWhenTheLaterZoneOpens()
    {
        var lateEvening = Local(2026, 12, 1, 22, 0, NewYork);

        var opening = CallingWindow.Tcpa.NextOpening(lateEvening, [NewYork, LosAngeles]);

        Assert.Equal(Local(2026, 12, 2, 8, 0, LosAngeles), opening);
    }

    [Fact]
    public void NextOpening_WeekdaysOnlyOnFridayNight_IsMondayMorning()
    {
        var window = CallingWindow.Parse("09:00-17:00", "mon-fri");
        var fridayNight = Local(2026, 11, 27, 18, 0, Berlin);

        Assert.Equal(Local(2026, 11, 30, 9, 0, Berlin), window.NextOpening(fridayNight, [Berlin]));
    }

    [Fact]
    public void NextOpening_OnTheDaylightSavingSpringForwardDay_OpensAtTheLocalHour()
    {
        // Europe/Berlin moves from 02:00 to 03:00 on 2027-03-28; an 08:00 window still opens at 08:00 local.
        var window = CallingWindow.Parse("08:00-21:00", null);
        var night = Local(2027, 3, 27, 22, 0, Berlin);

        var opening = window.NextOpening(night, [Berlin])!.Value;

        Assert.Equal(new DateTime(2027, 3, 28, 8, 0, 0), TimeZoneInfo.ConvertTime(opening, Berlin).DateTime);
        Assert.Equal(TimeSpan.FromHours(2), opening.Offset);
    }

    [Fact]
    public void NextOpening_InsideTheWindow_IsNow()
    {
        var noon = Local(2026, 12, 1, 12, 0, NewYork);

        Assert.Equal(noon, CallingWindow.Tcpa.NextOpening(noon, [NewYork]));
    }

    [Theory]
    [InlineData("8-21")]
    [InlineData("21:00-08:00")]
    [InlineData("08:00")]
    public void Parse_BadHours_ExplainsTheExpectedForm(string hours)
    {
        var e = Assert.Throws<FormatException>(() => CallingWindow.Parse(hours, null));

        Assert.Contains(hours, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 23)]
    [InlineData(23, 59)]
    public void Parse_WholeDay_IsOpenAtEveryLocalHour(int hour, int minute)
    {
        var window = CallingWindow.Parse("00:00-24:00", null);

        Assert.True(window.IsOpen(Local(2026, 12, 1, hour, minute, LosAngeles), [LosAngeles]));
    }

    [Fact]
    public void Parse_DaysListAndRange_AllNamedDays()
    {
        var window = CallingWindow.Parse("00:00-24:00", "sat-mon,wed");

        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Wednesday], window.Days);
        Assert.Throws<FormatException>(() => CallingWindow.Parse("08:00-09:00", "funday"));
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute, TimeZoneInfo zone)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
