using System.Text.RegularExpressions;
using Azure;
using BatchFunctions.Api;
using BatchFunctions.Functions.Http;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Functions;

/// <summary>
/// Routes as the Functions host resolves them, from the built functions.metadata: HTTP functions tried
/// in alphabetical order of name, the first whose template (with its constraints) and method match wins.
/// </summary>
public sealed partial class HostRoutingTests
{
    private static readonly HostRouteTable Host = HostRouteTable.ForMatching(FunctionsMetadata.HttpRoutes());

    /// <summary>Ids as the app makes them: API submits with and without an Idempotency-Key, dropped files, and the all-zero id tests use.</summary>
    private static readonly string[] SampleBatchIds =
    [
        BatchIds.For(null),
        BatchIds.For("renewals-2026-11"),
        RecipientFileDropped.BatchIdFor("list.csv", new ETag("\"0x8DD1A2B3C4D5E6F\"")),
        "btcal_000000000000000000000000",
    ];

    /// <summary>Other route values, including ones that spell a literal segment of another route.</summary>
    private static readonly Dictionary<string, string[]> SampleValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["agentId"] = ["agent_demo", "summary", "workspace"],
        ["agent_id"] = ["agent_demo"],
        ["phoneNumberId"] = ["phnum_demo", "recipients"],
        ["phone_number_id"] = ["phnum_demo"],
        ["file"] = ["index.html", "app.js", "dashboard.css"],
        ["conversationId"] = ["conv_0123456789abcdef0123456789abcdef"],
        ["conversation_id"] = ["conv_0123456789abcdef0123456789abcdef"],
    };

    /// <summary>Every HTTP function's own route, with sample values, each method it serves.</summary>
    public static TheoryData<string, string, string> OwnRoutes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var function in FunctionsMetadata.HttpRoutes())
        {
            foreach (var method in function.Methods ?? ["GET", "POST"])
            {
                foreach (var path in Concrete(function.Route))
                {
                    data.Add(method, path, function.Name);
                }
            }
        }

        return data;
    }

    /// <summary>The README's API table, each documented route with sample values, and the function documented for it.</summary>
    public static TheoryData<string, string, string> ReadmeRoutes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, template) in ReadmeTable())
        {
            var owners = FunctionsMetadata.HttpRoutes()
                .Where(f => Shape(f.Route) == Shape(template) && (f.Methods?.Contains(method) ?? true))
                .ToList();
            Assert.True(owners.Count == 1, $"README documents {method} {template}; functions with that route: {string.Join(", ", owners.Select(o => o.Name))}");
            foreach (var path in Concrete(template))
            {
                data.Add(method, path, owners[0].Name);
            }
        }

        return data;
    }

    [Fact]
    public async Task Route_WorkspaceListing_ReachesListBatches()
    {
        Assert.Equal(nameof(ListBatches), await Host.FirstMatchAsync("GET", "/v1/convai/batch-calling/workspace"));
    }

    [Theory]
    [MemberData(nameof(OwnRoutes))]
    public async Task Route_EveryFunctionsOwnRoute_ReachesItInHostOrder(string method, string path, string function)
    {
        Assert.Equal(function, await Host.FirstMatchAsync(method, path));
    }

    [Theory]
    [MemberData(nameof(ReadmeRoutes))]
    public async Task Route_EveryReadmeRoute_ReachesItsFunctionInHostOrder(string method, string path, string function)
    {
        Assert.Equal(function, await Host.FirstMatchAsync(method, path));
    }

    /// <summary>Some builds of WebJobs' route builder sort routes by specificity instead: disjoint routes make the order irrelevant.</summary>
    [Theory]
    [MemberData(nameof(OwnRoutes))]
    public async Task Route_EveryFunctionsOwnRoute_MatchesNoOtherFunction(string method, string path, string function)
    {
        Assert.Equal([function], await Host.AllMatchesAsync(method, path));
    }

    [Theory]
    [InlineData("GET", "/v1/convai/batch-calling/not-a-batch")]
    [InlineData("GET", "/api/batch-calling/btcal_0000/summary")]
    [InlineData("POST", "/v1/convai/batch-calling/workspace/cancel")]
    public async Task Route_SegmentThatIsNoBatchId_ReachesNoFunction(string method, string path)
    {
        Assert.Null(await Host.FirstMatchAsync(method, path));
    }

    [Fact]
    public void ReadmeTable_IsRead_EveryApiRouteRow()
    {
        Assert.True(ReadmeTable().Count >= 20, $"read only {ReadmeTable().Count} routes from README's API table");
    }

    /// <summary>Each {parameter} (with or without constraints) filled with each sample value.</summary>
    private static IEnumerable<string> Concrete(string template)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in template.Trim('/').Split('/'))
        {
            var values = ParameterName(segment) is { } name
                ? name.Contains("batch", StringComparison.OrdinalIgnoreCase) ? SampleBatchIds : SampleValues[name]
                : [segment];
            paths = [.. paths.SelectMany(p => values.Select(v => p + "/" + v))];
        }

        return paths;
    }

    /// <summary>The template with every parameter reduced to {}: README's {batch_id} and the code's constrained {batchId:...} compare equal.</summary>
    private static string Shape(string template) =>
        string.Join('/', template.Trim('/').Split('/').Select(s => ParameterName(s) is null ? s.ToLowerInvariant() : "{}"));

    private static string? ParameterName(string segment) =>
        segment.StartsWith('{') && segment.EndsWith('}') ? segment[1..^1].Split(':')[0].TrimEnd('?') : null;

    /// <summary>Rows like "| `POST /api/batch-calling/{batch_id}/pause`, `/resume` | ...": a second path replaces as many trailing segments as it has.</summary>
    private static List<(string Method, string Template)> ReadmeTable()
    {
        var routes = new List<(string, string)>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "README.md")))
        {
            if (ReadmeRow().Match(line) is not { Success: true } row)
            {
                continue;
            }

            var method = row.Groups["method"].Value;
            var first = row.Groups["path"].Value;
            routes.Add((method, first));
            foreach (Capture more in row.Groups["more"].Captures)
            {
                var segments = first.Trim('/').Split('/');
                var replacement = more.Value.Trim('/').Split('/');
                routes.Add((method, "/" + string.Join('/', segments[..^replacement.Length].Concat(replacement))));
            }
        }

        return routes;
    }

    [GeneratedRegex(@"^\| `(?<method>GET|POST|DELETE|PUT|PATCH) (?<path>/[^`\s]+)`(?:, `(?<more>/[^`\s]+)`)* \|")]
    private static partial Regex ReadmeRow();
}
