using System.Diagnostics;
using System.Globalization;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator.TwilioApi;

namespace CampaignBenchmark;

/// <summary>Status callbacks at the app's real webhook pipeline: signature check, entity signal, response.</summary>
internal static class Webhooks
{
    public static async Task<(double PerSecond, double P50Milliseconds, double P99Milliseconds)> MeasureAsync(int callbacks, int clients)
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var batchId = "btcal_bench" + Guid.NewGuid().ToString("N")[..12];
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        var latencies = new double[callbacks];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < callbacks)
            {
                var url = new Uri(app.BaseUrl, $"twilio/status?batch_id={batchId}&recipient={i}&attempt=1");
                var form = new Dictionary<string, string>
                {
                    ["AccountSid"] = AppUnderTest.AccountSid,
                    ["CallSid"] = $"CA{i:D32}",
                    ["CallStatus"] = "in-progress",
                    ["SequenceNumber"] = "2",
                    ["Direction"] = "outbound-api",
                    ["From"] = AppUnderTest.FromNumber,
                    ["To"] = "+14155551000",
                };
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AppUnderTest.AuthToken, url.AbsoluteUri, form));
                var started = clock.Elapsed;
                using var response = await http.SendAsync(request);
                if ((int)response.StatusCode != 204)
                {
                    throw new InvalidOperationException($"Callback {i} answered {(int)response.StatusCode}.");
                }

                latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
            }
        }));
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        return (callbacks / elapsed.TotalSeconds, latencies[callbacks / 2], latencies[(int)(callbacks * 0.99)]);
    }
}
