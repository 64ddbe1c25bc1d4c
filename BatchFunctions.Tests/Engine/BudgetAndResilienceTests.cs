using Azure.Data.Tables;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace BatchFunctions.Tests.Engine;

public sealed class BudgetAndResilienceTests
{
    [Fact]
    public async Task TwoBatchesAtOnce_TogetherNeverAboveTheWorkspaceShare()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 100;
        simulator.TalkSeconds = new DurationRange { Min = 20, Max = 40 };
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?> { ["Dispatch:WorkspaceConcurrencyLimit"] = "12" });

        var first = app.LaunchAsync(BatchDriver.Numbers(15), new Dictionary<string, string> { ["target_concurrency_limit"] = "5" });
        var second = app.LaunchAsync(BatchDriver.Numbers(15, first: 2000), new Dictionary<string, string> { ["target_concurrency_limit"] = "5" });
        var ids = await Task.WhenAll(first, second);
        await app.WaitForStatusAsync(ids[0], "completed");
        await app.WaitForStatusAsync(ids[1], "completed");

        Assert.Equal(30, app.Simulator.Calls.Count);
        Assert.InRange(app.Simulator.PeakLiveCalls, 2, 6);
    }

    [Fact]
    public async Task WorkerCrashMidBatch_NewWorkerResumes_EveryRecipientDialedExactlyOnce()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 40;
        simulator.TalkSeconds = new DurationRange { Min = 10, Max = 30 };
        // Callbacks that arrive while no worker runs may be lost (Twilio does not retry them); the
        // watchdog, here after 5 s, asks the simulator about such calls.
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Dispatch:LiveCallCheckInterval"] = "00:00:05",
            [DurableTestHost.VisibilityTimeoutSetting] = DurableTestHost.CrashRecoveryVisibilityTimeout,
        });
        var numbers = BatchDriver.Numbers(20);
        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["target_concurrency_limit"] = "4" });
        await app.WaitForCallsAsync(6);

        await app.CrashAndRestartWorkerAsync();
        var batch = await app.WaitForStatusAsync(batchId, "completed", TimeSpan.FromSeconds(120));

        Assert.Equal(numbers.Order(), app.Simulator.Calls.Select(c => c.To).Order());
        Assert.All(batch.RecipientsByNumber().Values, r => Assert.Equal(1, r.GetProperty("attempts").GetInt32()));
        Assert.InRange(app.Simulator.PeakLiveCalls, 1, 4);
    }

    [Fact]
    public async Task BadCredentials_BatchFailsAfterOneDialAttempt()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions(), new Dictionary<string, string?> { ["Twilio:AuthToken"] = "wrong-token" });

        var batchId = await app.LaunchAsync(BatchDriver.Numbers(10));
        var batch = await app.WaitForStatusAsync(batchId, "failed");
        await app.Durable.Client.WaitForInstanceCompletionAsync(batchId, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Contains("Twilio rejected the credentials", batch.GetProperty("failure_message").GetString(), StringComparison.Ordinal);
        Assert.Empty(app.Simulator.Calls);
        var attempts = 0;
        await foreach (var _ in new TableServiceClient(TestStorage.ConnectionString).GetTableClient(StorageNames.AttemptsTable)
            .QueryAsync<TableEntity>(e => e.PartitionKey == batchId))
        {
            attempts++;
        }

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task LostFinalCallbacks_WatchdogAsksTheProviderAndFreesTheSlot()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions(), new Dictionary<string, string?> { ["Dispatch:LiveCallCheckInterval"] = "00:00:03" });
        app.Drop = request => request.Path == "/twilio/status" && request.Query["recipient"] == "0";

        var batchId = await app.LaunchAsync(BatchDriver.Numbers(3), new Dictionary<string, string> { ["target_concurrency_limit"] = "1" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        var first = batch.RecipientsByNumber()["+14155551000"];
        var call = app.Simulator.Calls.Single(c => c.To == "+14155551000");
        Assert.Equal("completed", first.GetProperty("status").GetString());
        Assert.Equal(call.Sid, first.GetProperty("call_sid").GetString());
        Assert.All(call.Callbacks, c => Assert.Equal(503, c.HttpStatus));
        Assert.Equal(3, app.Simulator.Calls.Count);
    }

    [Fact]
    public async Task ManyGenerations_EveryRecipientCalledOnceAndBatchCompletes()
    {
        // Enough steps for several ContinueAsNew generations, with live calls carried across each.
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TalkSeconds = new DurationRange { Min = 10, Max = 60 };
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?> { ["Twilio:CallsPerSecond"] = "1000" });
        var numbers = BatchDriver.Numbers(150);

        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string> { ["target_concurrency_limit"] = "20" });
        var batch = await app.WaitForStatusAsync(batchId, "completed", TimeSpan.FromSeconds(180));

        Assert.Equal(numbers.Order(), app.Simulator.Calls.Select(c => c.To).Order());
        Assert.Equal(150, batch.GetProperty("status_counts").GetProperty("completed").GetInt32());
        Assert.InRange(app.Simulator.PeakLiveCalls, 2, 20);
    }
}
