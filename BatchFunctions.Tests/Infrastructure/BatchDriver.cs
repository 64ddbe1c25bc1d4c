using System.Text;
using System.Text.Json;
using BatchFunctions.Batches;
using BatchFunctions.Functions.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Launching and watching batches in tests, the way an operator does: drop a file, read the API.</summary>
public static class BatchDriver
{
    /// <summary>Drops a CSV of <paramref name="numbers"/> with <paramref name="metadata"/> and runs the blob function on it.</summary>
    public static async Task<string> LaunchAsync(this AppUnderTest app, IEnumerable<string> numbers, IDictionary<string, string>? metadata = null)
    {
        var csv = new StringBuilder("phone_number,name\n");
        foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{number},Customer {i}\n");
        }

        var (blob, batchId) = await Uploads.DropAsync(csv.ToString(), metadata: metadata);
        await ActivatorUtilities.CreateInstance<RecipientFileDropped>(app.Services).IngestAsync(blob, app.Durable.Client, CancellationToken.None);
        return batchId;
    }

    public static async Task<JsonElement> GetBatchAsync(this AppUnderTest app, string batchId)
    {
        using var response = await app.Http.GetAsync($"v1/convai/batch-calling/{batchId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET batch {batchId}: HTTP {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public static async Task<JsonElement> WaitForStatusAsync(this AppUnderTest app, string batchId, string status, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        var deadline = DateTime.UtcNow + limit;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await app.Http.GetAsync($"v1/convai/batch-calling/{batchId}");
            last = $"HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.IsSuccessStatusCode)
            {
                var batch = JsonDocument.Parse(last[(last.IndexOf(' ', 5) + 1)..]).RootElement;
                if (batch.GetProperty("status").GetString() == status)
                {
                    return batch;
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Batch {batchId} did not reach '{status}' within {limit}; last seen: {last}");
    }

    /// <summary>Waits until the simulator has created at least <paramref name="count"/> calls.</summary>
    public static async Task WaitForCallsAsync(this AppUnderTest app, int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (app.Simulator.Calls.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {app.Simulator.Calls.Count} of {count} calls were placed in time.");
            await Task.Delay(50);
        }
    }

    /// <summary>The batch's CSV export, a dictionary per row keyed by header.</summary>
    public static async Task<List<Dictionary<string, string>>> ExportRowsAsync(this AppUnderTest app, string batchId)
    {
        await using var stream = await app.Http.GetStreamAsync($"v1/convai/batch-calling/{batchId}/export");
        using var csv = CsvHelper.CsvReader.Create(stream, new CsvHelper.CsvReaderOptions(), leaveOpen: false);
        csv.ReadHeader();
        var headers = csv.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(headers.Select((h, i) => (h, v: csv.GetString(i) ?? "")).ToDictionary(p => p.h, p => p.v));
        }

        return rows;
    }

    public static BatchControl Control(this AppUnderTest app) => app.Services.GetRequiredService<BatchControl>();

    public static Dictionary<string, JsonElement> RecipientsByNumber(this JsonElement batch) =>
        batch.GetProperty("recipients").EnumerateArray().ToDictionary(r => r.GetProperty("phone_number").GetString()!);

    /// <summary>Numbers in the 415 area (America/Los_Angeles) that libphonenumber accepts.</summary>
    public static List<string> Numbers(int count, int first = 1000, string prefix = "+1415555") =>
        [.. Enumerable.Range(first, count).Select(i => $"{prefix}{i:D4}")];
}
