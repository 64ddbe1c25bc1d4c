using TelephonySimulator.Tests.Infrastructure;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class MachineDetectionTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Theory]
    [InlineData("fax")]
    [InlineData("machine_end_silence")]
    [InlineData("unknown")]
    public async Task AnsweredByRule_DetectionRequested_ReportsTheImposedResult(string answeredBy)
    {
        await using var server = await TestSimulator.StartAsync(o => o.NumberRules.Add(
            new NumberRule { Pattern = "+15551900001", Outcome = SimulatedOutcome.Voicemail, AnsweredBy = answeredBy }));

        var call = await CreateAsync(server, "+15551900001", "Enable");
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(answeredBy, Assert.Single(receiver.For(call.Sid, "/answer"))["AnsweredBy"]);
        Assert.Equal(answeredBy, callbacks[^1]["AnsweredBy"]);
        Assert.Equal(answeredBy, Assert.Single(server.Calls).AnsweredBy);
    }

    [Fact]
    public async Task AnsweredByRule_NoDetectionRequested_ReportsNoAnsweredBy()
    {
        await using var server = await TestSimulator.StartAsync(o => o.NumberRules.Add(
            new NumberRule { Pattern = "+15551900002", Outcome = SimulatedOutcome.Voicemail, AnsweredBy = "fax" }));

        var call = await CreateAsync(server, "+15551900002", machineDetection: null);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.DoesNotContain("AnsweredBy", callbacks[^1].Parameters.Keys);
        Assert.Null(Assert.Single(server.Calls).AnsweredBy);
    }

    [Fact]
    public async Task HumanOutcome_DetectMessageEnd_AnsweredByHuman()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15551900003", SimulatedOutcome.Human);

        var call = await CreateAsync(server, "+15551900003", "DetectMessageEnd");
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal("human", callbacks[^1]["AnsweredBy"]);
        Assert.Equal("human", Assert.Single(server.Calls).AnsweredBy);
    }

    [Fact]
    public async Task VoicemailOutcome_Enable_FetchShowsMachineStart()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15551900004", SimulatedOutcome.Voicemail);

        var call = await CreateAsync(server, "+15551900004", "Enable");
        await receiver.WaitForTerminalCallbackAsync(call.Sid);
        var fetched = await CallResource.FetchAsync(call.Sid, client: TwilioClients.For(server));

        Assert.Equal("machine_start", fetched.AnsweredBy);
        Assert.Equal(CallResource.StatusEnum.Completed, fetched.Status);
    }

    private Task<CallResource> CreateAsync(SimulatorServer server, string to, string? machineDetection) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url("/status"),
                StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
                MachineDetection = machineDetection,
            },
            TwilioClients.For(server));
}
