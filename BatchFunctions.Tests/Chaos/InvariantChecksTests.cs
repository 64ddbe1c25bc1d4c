using System.Text.Json;
using TelephonySimulator;

namespace BatchFunctions.Tests.Chaos;

public sealed class InvariantChecksTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static SimulatedCall Call(string sid, string batch, int recipient, int attempt, double startSeconds, double? endSeconds, string to = "+14155551000") =>
        new(sid, "AC1", to, "+14155550000", T0.AddSeconds(startSeconds), SimulatedOutcome.Human, "completed",
            null, $"http://127.0.0.1:1/twilio/status?batch_id={batch}&recipient={recipient}&attempt={attempt}", null, [],
            endSeconds is { } end ? T0.AddSeconds(end) : null);

    [Fact]
    public void DialedTwice_SameAttemptTwoCalls_OneViolationNamingBoth()
    {
        var violations = InvariantChecks.DialedTwice(7, [Call("CA1", "b", 3, 1, 0, 5), Call("CA2", "b", 3, 1, 1, 6), Call("CA3", "b", 4, 1, 0, 5)]).ToList();

        var violation = Assert.Single(violations);
        Assert.Equal((7, InvariantKind.DialedTwice), (violation.Seed, violation.Invariant));
        Assert.Contains("CA1", violation.Detail, StringComparison.Ordinal);
        Assert.Contains("CA2", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void DialedTwice_NextAttemptOrOtherBatch_NoViolation()
    {
        var calls = new[] { Call("CA1", "b", 3, 1, 0, 5), Call("CA2", "b", 3, 2, 10, 15), Call("CA3", "c", 3, 1, 0, 5) };

        Assert.Empty(InvariantChecks.DialedTwice(7, calls));
    }

    [Fact]
    public void DialedDoNotCall_ListedNumberDialedForThatBatch_Violation()
    {
        var calls = new[] { Call("CA1", "b", 0, 1, 0, 5, to: "+14155551001"), Call("CA2", "c", 0, 1, 0, 5, to: "+14155551001") };
        var lists = new Dictionary<string, IReadOnlySet<string>> { ["b"] = new HashSet<string> { "+14155551001" } };

        var violation = Assert.Single(InvariantChecks.DialedDoNotCall(7, calls, lists));

        Assert.Contains("CA1", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void LiveCallLimits_ThreeOverlapAgainstLimitTwo_BatchAndWorkspaceViolations()
    {
        var calls = new[] { Call("CA1", "b", 0, 1, 0, 10), Call("CA2", "b", 1, 1, 1, 10), Call("CA3", "b", 2, 1, 2, 10) };

        var violations = InvariantChecks.LiveCallLimits(7, calls, new Dictionary<string, int> { ["b"] = 2 }, workspaceShare: 2, T0.AddMinutes(1)).ToList();

        Assert.Equal([InvariantKind.OverBatchLimit, InvariantKind.OverWorkspaceShare], violations.Select(v => v.Invariant));
    }

    [Fact]
    public void LiveCallLimits_SlotRefilledAsACallEnds_NoViolation()
    {
        var calls = new[] { Call("CA1", "b", 0, 1, 0, 5), Call("CA2", "b", 1, 1, 5, 9), Call("CA3", "c", 0, 1, 0, 9) };

        Assert.Empty(InvariantChecks.LiveCallLimits(7, calls, new Dictionary<string, int> { ["b"] = 1, ["c"] = 1 }, workspaceShare: 2, T0.AddMinutes(1)));
    }

    [Fact]
    public void LiveCallLimits_CallStillLive_CountsUntilNow()
    {
        var calls = new[] { Call("CA1", "b", 0, 1, 0, null), Call("CA2", "b", 1, 1, 30, 40) };

        var violation = Assert.Single(InvariantChecks.LiveCallLimits(7, calls, new Dictionary<string, int> { ["b"] = 1 }, workspaceShare: 5, T0.AddMinutes(1)));

        Assert.Equal(InvariantKind.OverBatchLimit, violation.Invariant);
    }

    [Fact]
    public void LeakedBudgetSlots_EndedBatchHoldsSlots_ViolationReadingOnlyLeased()
    {
        using var budget = JsonDocument.Parse("""
            {"Leases":{"done":{"Leased":3,"Wanted":0,"ExpiresAt":"2026-12-04T12:00:00Z"},"empty":{"Leased":0,"Wanted":4},"live":{"Leased":2,"Wanted":2}}}
            """);

        var violation = Assert.Single(InvariantChecks.LeakedBudgetSlots(7, budget.RootElement, new HashSet<string> { "live" }));

        Assert.Contains("batch done still holds 3", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void UnfinishedRecipients_InProgressAndPending_OneViolationListingThem()
    {
        using var batch = JsonDocument.Parse("""
            {"status":"completed","recipients":[{"phone_number":"+1","status":"completed"},{"phone_number":"+2","status":"in_progress"},{"phone_number":"+3","status":"pending"},{"phone_number":"+4","status":"cancelled"}]}
            """);

        var violation = Assert.Single(InvariantChecks.UnfinishedRecipients(7, "b", batch.RootElement));

        Assert.Contains("2 recipient(s) unfinished: +2 in_progress, +3 pending", violation.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_SameSeed_SamePlan()
    {
        var settings = new ChaosSettings();

        Assert.Equal(ChaosPlan.Draw(new ChaosRandom(42), settings).Describe(), ChaosPlan.Draw(new ChaosRandom(42), settings).Describe());
        Assert.NotEqual(ChaosPlan.Draw(new ChaosRandom(42), settings).Describe(), ChaosPlan.Draw(new ChaosRandom(43), settings).Describe());
    }
}
