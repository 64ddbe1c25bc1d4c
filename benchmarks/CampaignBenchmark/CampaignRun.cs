using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace CampaignBenchmark;

/// <summary>
/// One batch run end to end (or for a fixed time, see <see cref="Complete"/>), and the figures the
/// engine is judged by.
/// </summary>
internal sealed record CampaignRun(
    bool Complete,
    int Dialed,
    double Utilisation,
    double UtilisationToLastDial,
    TimeSpan Makespan,
    TimeSpan GapP50,
    TimeSpan GapP99,
    int PeakLive,
    int LargestHistory,
    int Generations,
    string LargestHistoryKinds,
    string Delays)
{
    /// <param name="stopAfter">
    /// End the measurement after this long even if the batch is still running: a list too large to
    /// finish on one machine still shows whether its history stays bounded. Utilisation is then not
    /// measured (the tail of the run is missing).
    /// </param>
    public static async Task<CampaignRun> MeasureAsync(
        int recipients, int concurrency, (double Min, double Max) talkSeconds, double acceleration, TimeSpan? stopAfter = null)
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = acceleration;
        simulator.RingSeconds = new DurationRange { Min = 1, Max = 2 };
        simulator.TalkSeconds = new DurationRange { Min = talkSeconds.Min, Max = talkSeconds.Max };
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Dispatch:WorkspaceConcurrencyLimit"] = (concurrency * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Twilio:CallsPerSecond"] = "1000",
        });

        var numbers = Enumerable.Range(0, recipients).Select(i => $"+1415{2_000_000 + i}").ToList();
        var batchId = await app.LaunchAsync(numbers, new Dictionary<string, string>
        {
            ["target_concurrency_limit"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await using var storageStalls = new StorageStalls();
        var samples = new List<HistorySample>();
        var progress = System.Diagnostics.Stopwatch.StartNew();
        var running = System.Diagnostics.Stopwatch.StartNew();
        var complete = true;
        while (true)
        {
            if (running.Elapsed > stopAfter)
            {
                complete = false;
                break;
            }

            if (progress.Elapsed > TimeSpan.FromSeconds(30))
            {
                var state0 = (await app.Durable.Client.Entities.GetEntityAsync<BatchState>(BatchEntity.IdFor(batchId)))?.State;
                Console.Error.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} dialed {app.Simulator.Calls.Count}/{recipients}, live {app.Simulator.LiveCalls}, "
                    + $"batch {state0?.Status} finished {state0?.RecipientCounts.Finished} live {state0?.RecipientCounts.Live}, history {samples.LastOrDefault()?.Events}");
                progress.Restart();
            }

            if (await app.Durable.SampleHistoryAsync(batchId) is { } sample)
            {
                samples.Add(sample);
            }

            var state = (await app.Durable.Client.Entities.GetEntityAsync<BatchState>(BatchEntity.IdFor(batchId)))?.State;
            if (state?.Status == BatchFunctions.Domain.BatchStatus.Completed)
            {
                break;
            }

            // Sparse enough not to load the Azurite it measures: a history read is a table query.
            await Task.Delay(2000);
        }

        var calls = app.Simulator.Calls;
        var distinct = calls.Select(c => c.To).Distinct().Count();
        if (distinct != calls.Count || (complete && calls.Count != recipients))
        {
            throw new InvalidOperationException($"Expected {(complete ? recipients : calls.Count)} distinct calls, the simulator logged {calls.Count} to {distinct} numbers.");
        }

        if (!complete)
        {
            return new CampaignRun(false, calls.Count, double.NaN, double.NaN, running.Elapsed, TimeSpan.Zero, TimeSpan.Zero, app.Simulator.PeakLiveCalls,
                samples.Max(s => s.Events), samples.Select(s => s.ExecutionId).Distinct().Count(), samples.MaxBy(s => s.Events)!.DescribeKinds(),
                storageStalls.Describe());
        }

        var firstStart = calls.Min(c => c.CreatedAt);
        var lastEnd = calls.Max(c => c.EndedAt!.Value);
        var busy = calls.Sum(c => (c.EndedAt!.Value - c.CreatedAt).TotalSeconds);
        var makespan = lastEnd - firstStart;

        // The same share up to the last dial: what refilling achieves while there is still someone to dial, without the
        // list's end, where calls finish one by one and nothing is left to put in their slots.
        var lastStart = calls.Max(c => c.CreatedAt);
        var busyToLastDial = calls.Sum(c => Math.Max(0, ((c.EndedAt!.Value < lastStart ? c.EndedAt.Value : lastStart) - c.CreatedAt).TotalSeconds));
        var gaps = RefillGaps(calls);
        return new CampaignRun(
            true,
            calls.Count,
            busy / concurrency / makespan.TotalSeconds,
            busyToLastDial / concurrency / (lastStart - firstStart).TotalSeconds,
            makespan,
            Percentile(gaps, 0.50),
            Percentile(gaps, 0.99),
            app.Simulator.PeakLiveCalls,
            samples.Max(s => s.Events),
            samples.Select(s => s.ExecutionId).Distinct().Count(),
            samples.MaxBy(s => s.Events)!.DescribeKinds(),
            $"{gaps.Count(g => g > TimeSpan.FromSeconds(1))} of {gaps.Count} refills over 1 s; {storageStalls.Describe()}");
    }

    /// <summary>Both batches launched together; the simulator sees all their calls.</summary>
    public static async Task<int> TwoBatchesPeakAsync(int recipientsEach, int targetEach, int workspaceLimit)
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 40;
        simulator.TalkSeconds = new DurationRange { Min = 20, Max = 80 };
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Dispatch:WorkspaceConcurrencyLimit"] = workspaceLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Twilio:CallsPerSecond"] = "1000",
        });
        var target = new Dictionary<string, string> { ["target_concurrency_limit"] = targetEach.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var ids = await Task.WhenAll(
            app.LaunchAsync(BatchDriver.Numbers(recipientsEach, first: 0), target),
            app.LaunchAsync(BatchDriver.Numbers(recipientsEach, first: 5000), target));
        foreach (var id in ids)
        {
            await app.WaitForStatusAsync(id, "completed", TimeSpan.FromMinutes(30));
        }

        return app.Simulator.PeakLiveCalls;
    }

    /// <returns>Dials per second between the first and last dial, and the most dials in any one-second window.</returns>
    public static async Task<(double Rate, int BusiestSecond)> DialRateAsync(int recipients, double callsPerSecond)
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.TimeAcceleration = 100;
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Twilio:CallsPerSecond"] = callsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Dispatch:WorkspaceConcurrencyLimit"] = "100",
        });
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(recipients, first: 0), new Dictionary<string, string> { ["target_concurrency_limit"] = "50" });
        await app.WaitForStatusAsync(batchId, "completed", TimeSpan.FromMinutes(30));
        var starts = app.Simulator.Calls.Select(c => c.CreatedAt).Order().ToList();
        var busiest = starts.Max(start => starts.Count(s => s >= start && s < start.AddSeconds(1)));
        return ((starts.Count - 1) / (starts[^1] - starts[0]).TotalSeconds, busiest);
    }

    /// <summary>
    /// For each call that ended while recipients were still waiting, the time until the next dial: how
    /// long a freed slot stayed empty.
    /// </summary>
    private static List<TimeSpan> RefillGaps(IReadOnlyList<SimulatedCall> calls)
    {
        var starts = calls.Select(c => c.CreatedAt).Order().ToList();
        var lastStart = starts[^1];
        var gaps = new List<TimeSpan>();
        foreach (var end in calls.Select(c => c.EndedAt!.Value).Where(e => e < lastStart))
        {
            var index = starts.BinarySearch(end);
            var next = starts[index >= 0 ? index : ~index];
            gaps.Add(next - end);
        }

        return gaps;
    }

    private static TimeSpan Percentile(List<TimeSpan> values, double percentile)
    {
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(percentile * sorted.Count) - 1)];
    }
}
