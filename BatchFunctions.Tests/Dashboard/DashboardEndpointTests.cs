using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using BatchFunctions.Tests.Api;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>The endpoints the dashboard reads, and the serving of its files, over real HTTP.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardEndpointTests(DashboardApp dashboard) : IAsyncLifetime
{
    private static readonly string[] Numbers = [.. DashboardApp.FinishedBatchNumbers];

    private string batchId = "";

    private HttpClient Http => dashboard.App.Http;

    public async Task InitializeAsync()
    {
        batchId = await dashboard.FinishedBatchAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Recipients_Page_ReturnsThatSliceInFileOrderWithTheTotal()
    {
        var page = await GetJsonAsync($"api/batch-calling/{batchId}/recipients?offset=1&limit=2");

        Assert.Equal(5, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("offset").GetInt32());
        Assert.Equal(2, page.GetProperty("limit").GetInt32());
        Assert.Equal(Numbers[1..3], PhoneNumbers(page));
    }

    [Fact]
    public async Task Recipients_StatusFilter_OnlyMatchingRecipientsAndTheirCount()
    {
        var failed = await GetJsonAsync($"api/batch-calling/{batchId}/recipients?status=failed");
        var both = await GetJsonAsync($"api/batch-calling/{batchId}/recipients?status=Completed,%20failed&offset=3");
        var live = await GetJsonAsync($"api/batch-calling/{batchId}/recipients?status=live");

        Assert.Equal([Numbers[1], Numbers[3]], PhoneNumbers(failed));
        Assert.Equal(2, failed.GetProperty("total").GetInt32());
        Assert.All(failed.GetProperty("recipients").EnumerateArray(), r =>
        {
            Assert.Equal("busy", r.GetProperty("failure_reason").GetString());
            Assert.Equal(1, r.GetProperty("attempts").GetInt32());
        });
        Assert.Equal(5, both.GetProperty("total").GetInt32());
        Assert.Equal(Numbers[3..], PhoneNumbers(both));
        Assert.Equal(["completed", "failed"], both.GetProperty("status").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(0, live.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("status=done", """["query","status"]""")]
    [InlineData("status=failed,nope", """["query","status"]""")]
    [InlineData("offset=-1", """["query","offset"]""")]
    [InlineData("offset=ten", """["query","offset"]""")]
    [InlineData("limit=0", """["query","limit"]""")]
    [InlineData("limit=501", """["query","limit"]""")]
    public async Task Recipients_BadQuery_422NamingTheParameter(string query, string loc)
    {
        using var response = await Http.GetAsync($"api/batch-calling/{batchId}/recipients?{query}");

        Assert.Equal([loc], await ApiApp.LocsOf(response));
    }

    [Fact]
    public async Task Recipients_BadStatus_MessageListsTheAcceptedNames()
    {
        using var response = await Http.GetAsync($"api/batch-calling/{batchId}/recipients?status=done");

        var message = (await ApiApp.JsonOf(response)).GetProperty("detail")[0].GetProperty("msg").GetString();
        Assert.Contains("'failed'", message, StringComparison.Ordinal);
        Assert.Contains("'live'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/batch-calling/btcal_000000000000000000000000/recipients")]
    [InlineData("api/batch-calling/btcal_000000000000000000000000/summary")]
    [InlineData("api/batch-calling/btcal_000000000000000000000000/timeline")]
    public async Task UnknownBatch_404SaysWhichBatch(string path)
    {
        using var response = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("btcal_000000000000000000000000", (await ApiApp.JsonOf(response)).GetProperty("detail").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/batch-calling/{0}/recipients")]
    [InlineData("api/batch-calling/{0}/summary")]
    [InlineData("api/batch-calling/{0}/timeline")]
    [InlineData("api/batch-calling/defaults")]
    [InlineData("api/batch-calling/agents/agent_test")]
    [InlineData("api/batch-calling/phone-numbers/phnum_test")]
    public async Task ReadEndpoints_WithoutKey_401(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = dashboard.App.BaseUrl };

        using var response = await anonymous.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, batchId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Timeline_FinishedBatch_PerMinuteCountsMatchTheExportedTimestamps()
    {
        var timeline = await GetJsonAsync($"api/batch-calling/{batchId}/timeline");
        var rows = await dashboard.App.ExportRowsAsync(batchId);

        Assert.Equal(1, timeline.GetProperty("bucket_minutes").GetInt32());
        Assert.Equal((5, 3, 5), (timeline.GetProperty("dialed").GetInt32(), timeline.GetProperty("answered").GetInt32(), timeline.GetProperty("ended").GetInt32()));
        Assert.Equal(ExpectedTimeline(rows), timeline.GetProperty("buckets").EnumerateArray().Select(b =>
            (b.GetProperty("start_unix").GetInt64(), b.GetProperty("dialed").GetInt32(), b.GetProperty("answered").GetInt32(), b.GetProperty("ended").GetInt32())));
    }

    /// <summary>Calls per minute counted afresh from the export's dispatched_at, answered_at and ended_at columns.</summary>
    public static List<(long StartUnix, int Dialed, int Answered, int Ended)> ExpectedTimeline(IEnumerable<Dictionary<string, string>> rows)
    {
        var minutes = new SortedDictionary<long, int[]>();
        foreach (var row in rows)
        {
            foreach (var (column, series) in new[] { ("dispatched_at", 0), ("answered_at", 1), ("ended_at", 2) })
            {
                if (row[column] is { Length: > 0 } text)
                {
                    var minute = DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds() / 60 * 60;
                    (minutes.TryGetValue(minute, out var counts) ? counts : minutes[minute] = new int[3])[series]++;
                }
            }
        }

        return [.. minutes.Select(m => (m.Key, m.Value[0], m.Value[1], m.Value[2]))];
    }

    [Fact]
    public async Task Summary_FinishedBatch_CountsAndMilestonesWithoutRecipients()
    {
        var summary = await GetJsonAsync($"api/batch-calling/{batchId}/summary");

        var batch = summary.GetProperty("batch");
        Assert.Equal("completed", batch.GetProperty("status").GetString());
        Assert.False(batch.TryGetProperty("recipients", out _));
        Assert.Equal(5, batch.GetProperty("total_calls_finished").GetInt32());
        Assert.Equal(3, batch.GetProperty("status_counts").GetProperty("completed").GetInt32());
        Assert.Equal(2, batch.GetProperty("status_counts").GetProperty("failed").GetInt32());
        Assert.InRange(batch.GetProperty("concurrency_limit").GetInt32(), 1, 10);
        var started = summary.GetProperty("started_at_unix").GetInt64();
        var finished = summary.GetProperty("dispatch_finished_at_unix").GetInt64();
        Assert.InRange(started, batch.GetProperty("created_at_unix").GetInt64(), finished);
        Assert.InRange(summary.GetProperty("server_time_unix").GetInt64(), finished, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("cancelled_at_unix").ValueKind);
    }

    [Fact]
    public async Task Defaults_ConfiguredAgentAndNumberLookedUpAndRecentBatchesAgents()
    {
        var defaults = await GetJsonAsync("api/batch-calling/defaults");

        Assert.Equal(dashboard.AgentId, defaults.GetProperty("default_agent_id").GetString());
        Assert.Equal("Dashboard agent", defaults.GetProperty("default_agent").GetProperty("name").GetString());
        Assert.Equal(AppUnderTest.FromNumber, defaults.GetProperty("default_phone_number").GetProperty("phone_number").GetString());
        Assert.Equal(JsonValueKind.Null, defaults.GetProperty("default_agent_error").ValueKind);
        Assert.Equal("00:00-24:00", defaults.GetProperty("calling_window").GetString());
        Assert.Equal(10, defaults.GetProperty("workspace_concurrency_limit").GetInt32());
        Assert.Contains(defaults.GetProperty("recent_agents").EnumerateArray(), a => a.GetProperty("agent_id").GetString() == dashboard.AgentId);
        Assert.Contains(AppUnderTest.PhoneNumberId, defaults.GetProperty("recent_phone_number_ids").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task AgentAndPhoneNumber_KnownAreDescribedUnknownAre404InWords()
    {
        var agent = await GetJsonAsync($"api/batch-calling/agents/{dashboard.AgentId}");
        var number = await GetJsonAsync($"api/batch-calling/phone-numbers/{AppUnderTest.PhoneNumberId}");
        using var noAgent = await Http.GetAsync("api/batch-calling/agents/agent_nobody");
        using var noNumber = await Http.GetAsync("api/batch-calling/phone-numbers/phnum_nobody");

        Assert.Equal(["first_message"], agent.GetProperty("allowed_overrides").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("Test line", number.GetProperty("label").GetString());
        Assert.Equal("twilio", number.GetProperty("provider").GetString());
        Assert.Equal(HttpStatusCode.NotFound, noAgent.StatusCode);
        Assert.Contains("agent_nobody", (await ApiApp.JsonOf(noAgent)).GetProperty("detail").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noNumber.StatusCode);
    }

    [Fact]
    public async Task Dashboard_WithoutSlash_RedirectsToTheFolder()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = dashboard.App.BaseUrl };

        using var response = await client.GetAsync("dashboard?x=1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dashboard_PageAndEveryFileItLoads_ServedWithoutKeyWithTheirTypes()
    {
        using var client = new HttpClient { BaseAddress = dashboard.App.BaseUrl };

        using var page = await client.GetAsync("dashboard/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        // Every file the page and its modules refer to, found by following them.
        var pending = new Queue<string>(References(html));
        var seen = new HashSet<string>();
        while (pending.TryDequeue(out var file))
        {
            if (!seen.Add(file))
            {
                continue;
            }

            using var response = await client.GetAsync("dashboard/" + file);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{file}: HTTP {(int)response.StatusCode}");
            Assert.Equal(file.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            foreach (var next in References(text))
            {
                pending.Enqueue(next);
            }
        }

        Assert.Equal(["api.js", "app.js", "batches.js", "charts.js", "conversation.js", "create.js", "dashboard.css", "detail.js", "ui.js"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dashboard_SameFileAgain_304ByETag()
    {
        using var first = await Http.GetAsync("dashboard/app.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "dashboard/app.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("dashboard/nothing.js")]
    [InlineData("dashboard/DashboardAssets.cs")]
    [InlineData("dashboard/..%2F..%2Fhost.json")]
    public async Task Dashboard_NoSuchFile_404(string path)
    {
        using var response = await Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: HTTP {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<string?> PhoneNumbers(JsonElement page) =>
        [.. page.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("phone_number").GetString())];

    private static IEnumerable<string> References(string text) =>
        Reference().Matches(text).Select(m => m.Groups["file"].Value);

    /// <summary>href="x.css", src="x.js" and from './x.js' (static imports).</summary>
    [GeneratedRegex("""(?:href|src)="(?<file>[\w.-]+\.(?:js|css))"|from '\./(?<file>[\w.-]+\.js)'""")]
    private static partial Regex Reference();
}
