using System.Reflection;
using System.Text.Json;
using BatchFunctions.Hosting;
using Microsoft.Azure.Functions.Worker;
using AppDocument = BatchFunctions.Api.OpenApiDocument;

namespace BatchFunctions.Tests.Api;

public sealed class OpenApiDocumentTests
{
    public static TheoryData<string, string> ServedRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in typeof(BatchCallingServiceCollectionExtensions).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            foreach (var verb in trigger?.Methods ?? [])
            {
                data.Add(verb.ToLowerInvariant(), BatchFunctions.Api.OpenApiDocument.PathOf(trigger!.Route!));
            }
        }

        return data;
    }

    [Fact]
    public void Document_ReadByOpenApiNet_HasNoErrors()
    {
        var (document, diagnostic) = Microsoft.OpenApi.OpenApiDocument.Parse(AppDocument.Text, "json");

        Assert.Empty(diagnostic!.Errors);
        Assert.StartsWith("3.1", diagnostic.SpecificationVersion.ToString().Replace("OpenApi", "", StringComparison.Ordinal).Replace('_', '.'), StringComparison.Ordinal);
        Assert.NotNull(document);
        Assert.Equal(ServedRoutes().Select(r => (string)r[1]).Distinct().Count(), document.Paths.Count);
    }

    [Theory]
    [MemberData(nameof(ServedRoutes))]
    public void Document_EveryServedRoute_IsDocumentedWithItsMethod(string method, string path)
    {
        using var document = JsonDocument.Parse(AppDocument.Text);

        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty(path, out var operations), $"{path} is not documented");
        Assert.True(operations.TryGetProperty(method, out _), $"{method.ToUpperInvariant()} {path} is not documented");
    }

    [Fact]
    public void Document_EveryDocumentedOperation_IsServed()
    {
        using var document = JsonDocument.Parse(AppDocument.Text);
        var served = ServedRoutes().Select(r => $"{r[0]} {r[1]}").ToHashSet();

        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name} {p.Name}"));

        Assert.All(documented, operation => Assert.Contains(operation, served));
    }

    [Fact]
    public void Document_BatchCallResponseSchema_HasEverySdkRequiredField()
    {
        using var document = JsonDocument.Parse(AppDocument.Text);
        var properties = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("BatchCallResponse").GetProperty("properties");

        foreach (var field in new[] { "id", "name", "agent_id", "agent_name", "created_at_unix", "scheduled_time_unix", "total_calls_dispatched",
            "total_calls_scheduled", "total_calls_finished", "last_updated_at_unix", "status", "retry_count", "telephony_call_config" })
        {
            Assert.True(properties.TryGetProperty(field, out _), field);
        }

        Assert.Equal(["pending", "in_progress", "completed", "failed", "cancelled"],
            properties.GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
