using System.Reflection;
using System.Text.Json;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// The functions.metadata the build wrote into the app's output: the only list of functions the
/// Functions host reads, so tests about what the host does read it rather than the attributes.
/// </summary>
public static class FunctionsMetadata
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Functions = new(Load);

    public static IReadOnlyDictionary<string, JsonElement> All => Functions.Value;

    public static JsonElement TriggerOf(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>Every HTTP function with its route and methods as the host will map them.</summary>
    public static IReadOnlyList<HttpFunctionRoute> HttpRoutes() =>
    [
        .. All.Select(f => (f.Key, Trigger: TriggerOf(f.Value)))
            .Where(f => f.Trigger.GetProperty("type").GetString() == "httpTrigger")
            .Select(f => new HttpFunctionRoute(
                f.Key,
                f.Trigger.GetProperty("route").GetString()!,
                f.Trigger.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                    ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())]
                    : null)),
    ];

    private static Dictionary<string, JsonElement> Load()
    {
        var output = typeof(FunctionsMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BatchFunctionsOutput").Value!;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "functions.metadata")));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    }
}
