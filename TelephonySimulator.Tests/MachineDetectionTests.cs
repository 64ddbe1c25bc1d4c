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

    [Fact]
    public async Task VoicemailOutcome_DetectMessageEnd_AnswerFetchedAfterTheGreetingAndItsSayIsLeft()
    {
        // Slow enough to see the greeting: 3-9 simulated seconds are 0.3-0.9 real seconds.
        await using var server = await TestSimulator.StartWithRuleAsync("+15551900005", SimulatedOutcome.Voicemail, o => o.TimeAcceleration = 10);
        const string message = "Hi, this is Acme about your renewal. Please call us back on 555 0100.";
        receiver.Answer = _ => Task.FromResult(new Twilio.TwiML.VoiceResponse().Say(message).Hangup().ToString());

        var call = await CreateAsync(server, "+15551900005", "DetectMessageEnd");
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        var ringing = callbacks.Single(c => c["CallStatus"] == "ringing");
        var answer = Assert.Single(receiver.For(call.Sid, "/answer"));
        Assert.Equal("machine_end_beep", answer["AnsweredBy"]);
        var ringAndGreeting = answer.ReceivedAt - ringing.ReceivedAt;
        Assert.True(ringAndGreeting >= TimeSpan.FromSeconds((2 + 3) / 10.0), $"The answer URL was fetched {ringAndGreeting.TotalMilliseconds} ms after ringing began.");
        var logged = Assert.Single(server.Calls);
        Assert.Equal([message], logged.Said);
        Assert.Empty(logged.Played);
        Assert.Equal(("completed", "machine_end_beep"), (callbacks[^1]["CallStatus"], callbacks[^1]["AnsweredBy"]));
        Assert.InRange(int.Parse(callbacks[^1]["CallDuration"], System.Globalization.CultureInfo.InvariantCulture), 3 + (message.Length / 15), 9 + (message.Length / 15) + 1);
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
