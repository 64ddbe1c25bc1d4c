using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Tests.Scheduling;

public sealed class RulesTests
{
    [Theory]
    [InlineData(null, 100, 50)]
    [InlineData(null, 40, 20)]
    [InlineData(10, 100, 7)]
    [InlineData(1, 100, 1)]
    [InlineData(null, 1, 1)]
    public void ConcurrencyBudget_ElevenLabsRule_MinOfHalfWorkspaceAndSeventyPercentAgent(int? agentLimit, int workspaceLimit, int expected)
    {
        Assert.Equal(expected, ConcurrencyBudget.ForBatch(null, workspaceLimit, agentLimit));
    }

    [Fact]
    public void ConcurrencyBudget_TargetGiven_ReplacesTheFormula()
    {
        Assert.Equal(30, ConcurrencyBudget.ForBatch(30, workspaceLimit: 20, agentLimit: 10));
    }

    [Fact]
    public void RetryRules_Parse_PerOutcomeDelaysAndSharedMaximum()
    {
        var rules = RetryRules.Parse(3, "busy:10, no_answer", TimeSpan.FromMinutes(60));

        Assert.Equal(TimeSpan.FromMinutes(10), rules.DelayAfter(RetryableOutcome.Busy, attemptsMade: 1));
        Assert.Equal(TimeSpan.FromMinutes(60), rules.DelayAfter(RetryableOutcome.NoAnswer, attemptsMade: 2));
        Assert.Null(rules.DelayAfter(RetryableOutcome.NoAnswer, attemptsMade: 3));
        Assert.Null(rules.DelayAfter(RetryableOutcome.Voicemail, attemptsMade: 1));
        Assert.Null(rules.DelayAfter(null, attemptsMade: 1));
    }

    [Theory]
    [InlineData("busy:ten")]
    [InlineData("hung_up")]
    public void RetryRules_Parse_Unreadable_SaysWhatIsAllowed(string outcomes)
    {
        var e = Assert.Throws<FormatException>(() => RetryRules.Parse(2, outcomes, TimeSpan.FromMinutes(5)));

        Assert.Contains("no_answer", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProviderCallStatus.Busy, null, RetryableOutcome.Busy)]
    [InlineData(ProviderCallStatus.NoAnswer, null, RetryableOutcome.NoAnswer)]
    [InlineData(ProviderCallStatus.Failed, null, RetryableOutcome.TransientFailure)]
    [InlineData(ProviderCallStatus.Completed, "machine_end_beep", RetryableOutcome.Voicemail)]
    [InlineData(ProviderCallStatus.Completed, "human", null)]
    [InlineData(ProviderCallStatus.Canceled, null, null)]
    public void RetryableOutcomes_FinalStatus_MapsToTheRuleItTriggers(ProviderCallStatus status, string? answeredBy, RetryableOutcome? expected)
    {
        Assert.Equal(expected, RetryableOutcomes.Of(new CallProgress(1, "CA1", status, 3, DateTimeOffset.UnixEpoch, AnsweredBy: answeredBy)));
    }

    [Theory]
    [InlineData(ProviderCallStatus.Completed, "human", RecipientStatus.Completed)]
    [InlineData(ProviderCallStatus.Completed, "machine_end_beep", RecipientStatus.Voicemail)]
    [InlineData(ProviderCallStatus.Busy, null, RecipientStatus.Failed)]
    [InlineData(ProviderCallStatus.NoAnswer, null, RecipientStatus.Failed)]
    [InlineData(ProviderCallStatus.Failed, null, RecipientStatus.Failed)]
    [InlineData(ProviderCallStatus.Canceled, null, RecipientStatus.Failed)]
    public void CallOutcomes_FinalStatus_APlacedCallNeverEndsCancelled(ProviderCallStatus status, string? answeredBy, RecipientStatus expected)
    {
        // "canceled": hung up before it was answered. The recipient was dialed, so it is not "cancelled".
        Assert.Equal(expected, CallOutcomes.FinalStatus(status, answeredBy, agentUnavailable: false));
    }

    [Fact]
    public void RecipientTimeZones_NumberAndColumn_ColumnWinsNumberOtherwiseDefaultLast()
    {
        var data = new ConversationInitiationClientData(new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["timezone"] = System.Text.Json.JsonSerializer.SerializeToElement("Europe/Berlin"),
        });
        var empty = new ConversationInitiationClientData(new Dictionary<string, System.Text.Json.JsonElement>());

        Assert.Equal(["Europe/Berlin"], RecipientTimeZones.For(new Recipient(0, 2, "+14155551000", data), "UTC"));
        Assert.Equal(["America/Los_Angeles"], RecipientTimeZones.For(new Recipient(0, 2, "+14155551000", empty), "UTC"));
        Assert.Equal(["UTC"], RecipientTimeZones.For(new Recipient(0, 2, "+8823331000", empty), "UTC"));
    }
}
