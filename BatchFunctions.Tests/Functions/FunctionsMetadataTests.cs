using System.Reflection;
using System.Text.Json;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Hosting;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Tests.Functions;

/// <summary>
/// The Functions host finds functions only through the build's functions.metadata. It cannot run
/// here, so this reads the file the build wrote and checks every durable task class and trigger is in it.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Assembly App = typeof(BatchCallingServiceCollectionExtensions).Assembly;

    private static readonly IReadOnlyDictionary<string, JsonElement> Functions = FunctionsMetadata.All;

    public static TheoryData<string, string> DurableTasks()
    {
        var data = new TheoryData<string, string>();
        foreach (var (openBase, trigger) in new[]
        {
            (typeof(Microsoft.DurableTask.TaskOrchestrator<,>), "orchestrationTrigger"),
            (typeof(Microsoft.DurableTask.TaskActivity<,>), "activityTrigger"),
            (typeof(Microsoft.DurableTask.Entities.TaskEntity<>), "entityTrigger"),
        })
        {
            foreach (var type in DurableTestHost.TaskTypes(App, openBase))
            {
                data.Add(type.Name, trigger);
            }
        }

        return data;
    }

    public static TheoryData<string, string> HttpFunctions()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in App.GetTypes().SelectMany(t => t.GetMethods()))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is not null)
            {
                data.Add(method.GetCustomAttribute<FunctionAttribute>()!.Name, trigger.Route!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DurableTasks))]
    public void Metadata_EveryOrchestratorActivityAndEntityClass_IsAFunctionWithItsTrigger(string name, string trigger)
    {
        Assert.True(Functions.TryGetValue(name, out var function), $"{name} has no [Function] wrapper, so the host would never run it.");
        Assert.Equal(trigger, TriggerOf(function).GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Metadata_EveryHttpFunction_HasItsRoute(string name, string route)
    {
        var trigger = TriggerOf(Functions[name]);
        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
    }

    [Theory]
    [InlineData(nameof(RecipientFileDropped), "EventGrid")]
    [InlineData(RecipientFileDropped.PollingFunctionName, null)]
    public void Metadata_IngestFunctions_WatchUploadsFromTheirSource(string name, string? source)
    {
        var trigger = TriggerOf(Functions[name]);
        Assert.Equal("blobTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal("uploads/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal(source, trigger.TryGetProperty("source", out var s) ? s.GetString() : null);
    }

    [Fact]
    public void Metadata_DurableTaskCount_MatchesTheClassesInTheApp()
    {
        Assert.Equal(DurableTasks().Count, Functions.Values.Count(f => TriggerOf(f).GetProperty("type").GetString() is "orchestrationTrigger" or "activityTrigger" or "entityTrigger"));
    }

    private static JsonElement TriggerOf(JsonElement function) => FunctionsMetadata.TriggerOf(function);
}
