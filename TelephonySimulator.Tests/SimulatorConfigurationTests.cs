using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class SimulatorConfigurationTests
{
    [Fact]
    public async Task StartAsync_ShippedSimulatorJson_ServesDemoAccountAgentAndNumber()
    {
        var options = ShippedOptions();
        var account = Assert.Single(options.TwilioAccounts);

        await using var server = await SimulatorServer.StartAsync(options);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Add("xi-api-key", "simulator-xi-api-key");
        using var agent = JsonDocument.Parse(await http.GetStringAsync("v1/convai/agents/agent_demo"));
        var number = await http.GetFromJsonAsync<JsonElement>("v1/convai/phone-numbers/phnum_demo");
        var call = await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+14155550103"), new PhoneNumber("+15550100000")) { Twiml = new Twiml("<Response/>") },
            TwilioClients.For(server, account.AccountSid, account.AuthToken));

        Assert.Equal(10, options.TimeAcceleration);
        Assert.Equal(10, agent.RootElement.GetProperty("platform_settings").GetProperty("call_limits").GetProperty("agent_concurrency_limit").GetInt32());
        Assert.Equal("+15550100000", number.GetProperty("phone_number").GetString());
        Assert.Equal(CallResource.StatusEnum.Queued, call.Status);
        Assert.Equal(SimulatedOutcome.Busy, Assert.Single(server.Calls).Outcome);
    }

    [Fact]
    public async Task StartAsync_ShippedSimulatorJson_ShowsTheFaultOptionsAndDemoRules()
    {
        var options = ShippedOptions();
        var account = options.TwilioAccounts[0];
        await using var server = await SimulatorServer.StartAsync(options);
        var client = TwilioClients.For(server, account.AccountSid, account.AuthToken);

        var blocked = await Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+14155550106"), new PhoneNumber("+15550100000")) { Twiml = new Twiml("<Response/>") },
            client));
        var unverified = await Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+14155550101"), new PhoneNumber("+15550199999")) { Twiml = new Twiml("<Response/>") },
            client));

        Assert.Equal(1, options.CallsPerSecond);
        Assert.True(options.MaxConcurrentCreateRequests > 0);
        Assert.NotEmpty(options.CreateErrors);
        Assert.InRange(options.DuplicateCallbackProbability, 0.001, 0.5);
        Assert.InRange(options.ReorderCallbackProbability, 0.001, 0.5);
        Assert.Equal(
            [SimulatedOutcome.Human, SimulatedOutcome.Voicemail, SimulatedOutcome.Busy, SimulatedOutcome.NoAnswer, SimulatedOutcome.Failed],
            options.NumberRules.Take(5).Select(r => r.Outcome));
        Assert.Equal(["+14155550101", "+14155550102", "+14155550103", "+14155550104", "+14155550105"], options.NumberRules.Take(5).Select(r => r.Pattern));
        Assert.Contains(options.NumberRules, r => r.DuplicateCallbacks && r.ReorderCallbacks);
        Assert.Contains(options.NumberRules, r => r.LoseTerminalCallback);
        Assert.Contains(options.PhoneNumbers, n => n.Provider == "sip_trunk");
        Assert.Equal(21216, blocked.Code);
        Assert.Equal(21210, unverified.Code);
    }

    [Fact]
    public async Task StartAsync_InvalidFaultOptions_ThrowsNamingEachKey()
    {
        var options = TestSimulator.Options(o =>
        {
            o.CallsPerSecond = -1;
            o.MaxConcurrentCreateRequests = -2;
            o.DuplicateCallbackProbability = 1.5;
            o.CreateErrors = [new CreateErrorRate { Code = 21214, Probability = 0.7 }, new CreateErrorRate { Code = 20500, Probability = 0.6, HttpStatus = 200 }];
            o.TwilioAccounts[0].CallsPerSecond = double.PositiveInfinity;
            o.NumberRules =
            [
                new NumberRule { Pattern = "+1555*", Target = NumberRuleTarget.From },
                new NumberRule { Pattern = "+1556*", AnsweredBy = "robot" },
            ];
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorServer.StartAsync(options));

        string[] keys =
        [
            "Simulator:CallsPerSecond",
            "Simulator:MaxConcurrentCreateRequests",
            "Simulator:DuplicateCallbackProbability",
            "Simulator:CreateErrors probabilities",
            "Simulator:CreateErrors:1:HttpStatus",
            "Simulator:TwilioAccounts:0:CallsPerSecond",
            "Simulator:NumberRules:0:ErrorCode",
            "Simulator:NumberRules:1:AnsweredBy",
        ];
        Assert.All(keys, key => Assert.Contains(exception.Failures, f => f.StartsWith(key, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ThrowsNamingEachKey()
    {
        var options = TestSimulator.Options(o =>
        {
            o.TimeAcceleration = 0;
            o.TwilioAccounts[0].AccountSid = "AC123";
            o.Agents[0].AllowedOverrides.Add("temperature");
            o.RingSeconds = new DurationRange { Min = 5, Max = 1 };
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorServer.StartAsync(options));

        Assert.Contains(exception.Failures, f => f.StartsWith("Simulator:TimeAcceleration", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.StartsWith("Simulator:TwilioAccounts:0:AccountSid", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.StartsWith("Simulator:Agents:0:AllowedOverrides", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.StartsWith("Simulator:RingSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DisposeAsync_CallStillRinging_StopsPromptlyWithoutTerminalCallback()
    {
        // At real time the call would ring for 60 s before its terminal callback.
        await using var receiver = await WebhookReceiver.StartAsync();
        var server = await TestSimulator.StartWithRuleAsync("+15550990001", SimulatedOutcome.NoAnswer, o => o.TimeAcceleration = 1);
        var call = await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15550990001"), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url("/status"),
                StatusCallbackEvent = ["ringing"],
            },
            TwilioClients.For(server));
        await Eventually.TrueAsync(() => receiver.For(call.Sid, "/status").Count == 1, "the ringing callback");
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        await server.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"disposing took {stopwatch.Elapsed}");
        Assert.Equal(["ringing"], receiver.For(call.Sid, "/status").Select(c => c["CallStatus"]));
    }

    private static SimulatorOptions ShippedOptions() =>
        new ConfigurationBuilder()
            .AddJsonFile(SharedReference.RepositoryFile(Path.Combine("TelephonySimulator", "simulator.json")))
            .Build()
            .GetSection(SimulatorOptions.SectionName)
            .Get<SimulatorOptions>()!;
}
