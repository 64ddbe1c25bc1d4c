using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;
using Xunit.Abstractions;

namespace BatchFunctions.Tests.Contract;

/// <summary>
/// The official ElevenLabs JS SDK (@elevenlabs/elevenlabs-js, pinned in package.json) is the judge of
/// wire compatibility: its batchCalls methods run against the app over real HTTP and every response
/// must parse with its own schemas. The script is elevenlabs-sdk.contract.mjs beside this file.
/// </summary>
public sealed class ElevenLabsSdkContractTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OfficialSdk_EveryBatchCallsMethod_SucceedsAndParsesStrictly()
    {
        var agentId = "agent_contract_" + Guid.NewGuid().ToString("N")[..8];
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.Agents.Add(new SimulatedAgent { AgentId = agentId, Name = "Contract agent", AllowedOverrides = ["first_message", "language"] });
        // Slow enough that a five-call batch at concurrency 1 is still running when it is cancelled.
        simulator.TimeAcceleration = 10;
        simulator.RingSeconds = new DurationRange { Min = 2, Max = 4 };
        simulator.TalkSeconds = new DurationRange { Min = 20, Max = 30 };
        await using var app = await AppUnderTest.StartAsync(simulator);

        var result = await Node.RunAsync(
            "BatchFunctions.Tests/Contract/elevenlabs-sdk.contract.mjs",
            environment: new Dictionary<string, string>
            {
                ["BATCH_API_BASE_URL"] = app.BaseUrl.AbsoluteUri.TrimEnd('/'),
                ["BATCH_API_KEY"] = AppUnderTest.ApiKey,
                ["BATCH_AGENT_ID"] = agentId,
                ["BATCH_AGENT_NAME"] = "Contract agent",
                ["BATCH_PHONE_NUMBER_ID"] = AppUnderTest.PhoneNumberId,
            },
            timeout: TimeSpan.FromMinutes(4));

        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0, $"The SDK contract script failed (exit {result.ExitCode}):\n{result.Output}");
    }
}
