using System.Globalization;
using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator;

namespace BatchFunctions.Tests.EndToEnd;

/// <summary>"Call a list, gather data, get the data back": scripted conversations come back in the export and the API.</summary>
public sealed class ConversationResultsTests
{
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    [Fact]
    public async Task Export_ScriptedConversationsWithLostLateAndDuplicatedWebhooks_EveryRowHasItsScriptedResults()
    {
        var numbers = BatchDriver.Numbers(6, first: 2100);
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.PostCallWebhookSecret = AppUnderTest.WebhookSecret;
        var scripts = numbers.Select((number, i) => Script(number, i)).ToList();
        simulator.ConversationScripts.AddRange(scripts);
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?> { ["Conversations:FallbackDelay"] = "00:00:05" });

        var batchId = await app.LaunchAsync(numbers);
        await app.WaitForStatusAsync(batchId, "completed");
        var store = app.Services.GetRequiredService<ConversationResultStore>();
        await Eventually.ValueAsync(async () => (await store.ListRangeAsync(batchId, 0, numbers.Count, CancellationToken.None)).Count == numbers.Count ? "all" : null, TimeSpan.FromSeconds(90));
        var rows = await app.ExportRowsAsync(batchId);
        using var page = JsonDocument.Parse(await app.Http.GetStringAsync($"api/batch-calling/{batchId}/recipients?limit=10"));
        var results = await store.ListRangeAsync(batchId, 0, numbers.Count, CancellationToken.None);
        var lost = app.Simulator.Conversations.Single(c => c.ToNumber == numbers[0]).ConversationId;
        using var conversation = JsonDocument.Parse(await app.Http.GetStringAsync($"api/batch-calling/conversations/{lost}"));

        Assert.Equal(numbers.Count, rows.Count);
        foreach (var (script, i) in scripts.Select((s, i) => (s, i)))
        {
            var row = rows.Single(r => r["phone_number"].TrimStart('\'') == script.Pattern);
            Assert.Equal(script.CallSuccessful, row["call_successful"]);
            Assert.Equal(script.Summary, row["transcript_summary"]);
            Assert.Equal(script.DataCollection["plan"], row["data_collection.plan"]);
            Assert.Equal(script.DataCollection["callback_day"], row["data_collection.callback_day"]);
            Assert.Equal(script.Evaluation[0].Result, row["evaluation.interested"]);
            Assert.Equal(app.Simulator.Conversations.Single(c => c.ToNumber == script.Pattern).ConversationId, row["conversation_id"]);
        }

        Assert.DoesNotContain(app.Simulator.PostCallWebhooks, w => w.ConversationId == lost);
        Assert.Equal(ResultsSource.Fetched, results[0].Source);
        Assert.Equal(2, app.Simulator.PostCallWebhooks.Count(w => w.ConversationId == results[2].ConversationId));
        var first = page.RootElement.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("phone_number").GetString() == numbers[0]);
        Assert.Equal("Monday", first.GetProperty("conversation_results").GetProperty("data_collection").GetProperty("callback_day").GetString());
        var transcript = conversation.RootElement.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("message").GetString()).ToList();
        Assert.True(
            scripts[0].Transcript.Select(t => t.Message).SequenceEqual(transcript),
            $"The stored conversation of {lost} is not the scripted one: {conversation.RootElement.GetRawText()}");
    }

    private static ConversationScript Script(string number, int i) => new()
    {
        Pattern = number,
        Summary = $"Customer {i} wants a callback on {Days[i]}.",
        CallSuccessful = i % 3 == 0 ? "failure" : "success",
        DataCollection = new Dictionary<string, string> { ["plan"] = i % 2 == 0 ? "gold" : "silver", ["callback_day"] = Days[i] },
        Evaluation = [new ScriptedCriterion { Id = "interested", Result = i % 2 == 0 ? "success" : "failure", Rationale = "Scripted." }],
        Transcript =
        [
            new ScriptedTurn { Role = "agent", Message = $"Hello customer {i}, when shall we call back?", TimeInCallSecs = 1 },
            new ScriptedTurn { Role = "user", Message = $"On {Days[i]}.", TimeInCallSecs = 3.5 },
        ],
        Webhook = i switch
        {
            0 => PostCallWebhookFault.Lost,
            1 => PostCallWebhookFault.Late,
            2 => PostCallWebhookFault.Duplicated,
            _ => PostCallWebhookFault.None,
        },
        WebhookDelaySeconds = 300,
    };
}
