using System.Diagnostics;
using BatchFunctions.Tests.Infrastructure;

namespace CampaignBenchmark;

/// <summary>
/// Asks Azurite's table and queue services something trivial four times a second for as long as a run lasts,
/// and keeps the answers that took over a second: Azurite stops answering for seconds at a time once its tables
/// are large (why is not established), and every dial, call end and timer waits on it meanwhile. A figure
/// read without this would blame the engine for the emulator's pauses.
/// </summary>
internal sealed class StorageStalls : IAsyncDisposable
{
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource stop = new();
    private readonly Task probing;
    private readonly List<TimeSpan> stalls = [];

    public StorageStalls()
    {
        var endpoints = TestStorage.ConnectionString.Split(';')
            .Where(part => part.StartsWith("TableEndpoint=", StringComparison.Ordinal) || part.StartsWith("QueueEndpoint=", StringComparison.Ordinal))
            .Select(part => new Uri(part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]))
            .ToList();
        probing = Task.WhenAll(endpoints.Select(ProbeAsync));
    }

    private async Task ProbeAsync(Uri endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Unsigned, so refused at once: only the time to an answer counts.
                using var _ = await http.GetAsync(endpoint, stop.Token);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
            }

            if (Stopwatch.GetElapsedTime(started) is var took && took > Threshold && !stop.IsCancellationRequested)
            {
                lock (stalls)
                {
                    stalls.Add(took);
                }
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    /// <summary>"3 answers over 1 s (longest 4.2 s, 8.1 s in all)".</summary>
    public string Describe()
    {
        lock (stalls)
        {
            return stalls.Count == 0
                ? "no Azurite answer over 1 s"
                : $"{stalls.Count} Azurite answers over 1 s (longest {stalls.Max().TotalSeconds:F1} s, {stalls.Sum(s => s.TotalSeconds):F1} s in all)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await probing;
        stop.Dispose();
    }
}
