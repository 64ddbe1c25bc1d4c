using System.Globalization;
using System.Text;
using System.Text.Json;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator;

namespace BatchFunctions.Tests.EndToEnd;

/// <summary>The walking skeleton: a dropped CSV becomes completed calls, on real parts end to end.</summary>
public sealed class DroppedFileTests
{
    [Fact]
    public async Task DroppedCsv_FiftyRecipientsAtConcurrencyFive_EveryoneDialedOnceWithinBudgetAndBatchCompletes()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.Outcomes = new OutcomeMix { Human = 0.6, Busy = 0.2, NoAnswer = 0.2 };
        await using var app = await AppUnderTest.StartAsync(simulator);
        var numbers = Enumerable.Range(0, 50).Select(i => $"+1415555{1000 + i}").ToList();
        var csv = new StringBuilder("phone_number,name,plan\n");
        foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{number},Customer {i},gold\n");
        }

        var (blob, batchId) = await Uploads.DropAsync(csv.ToString());
        await ActivatorUtilities.CreateInstance<RecipientFileDropped>(app.Services).IngestAsync(blob, app.Durable.Client, CancellationToken.None);
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        var calls = app.Simulator.Calls;
        Assert.Equal(numbers.Order(), calls.Select(c => c.To).Order());
        Assert.InRange(app.Simulator.PeakLiveCalls, 2, 5);
        Assert.Equal(50, batch.GetProperty("total_calls_scheduled").GetInt32());
        Assert.Equal(50, batch.GetProperty("total_calls_dispatched").GetInt32());
        Assert.Equal(50, batch.GetProperty("total_calls_finished").GetInt32());
        var recipients = batch.GetProperty("recipients").EnumerateArray().ToDictionary(r => r.GetProperty("phone_number").GetString()!);
        Assert.Equal(50, recipients.Count);
        foreach (var call in calls)
        {
            var recipient = recipients[call.To];
            var (status, reason) = Expected(call.Outcome);
            Assert.Equal(status, recipient.GetProperty("status").GetString());
            Assert.Equal(reason, recipient.GetProperty("failure_reason").GetString());
            Assert.Equal(call.Sid, recipient.GetProperty("call_sid").GetString());
            Assert.Equal(1, recipient.GetProperty("attempts").GetInt32());
        }

        Assert.Contains(calls, c => c.Outcome == SimulatedOutcome.Human);
        Assert.Contains(calls, c => c.Outcome != SimulatedOutcome.Human);
        Assert.All(calls.Where(c => c.Outcome == SimulatedOutcome.Human), c => Assert.Contains("<Connect>", c.AnswerTwiml, StringComparison.Ordinal));
        var conversations = app.Simulator.Conversations.ToDictionary(c => c.ToNumber);
        Assert.All(calls.Where(c => c.Outcome == SimulatedOutcome.Human), c =>
            Assert.Equal(conversations[c.To].ConversationId, recipients[c.To].GetProperty("conversation_id").GetString()));
        Assert.Null(await Uploads.ReadTextAsync(StorageNames.UploadsContainer, blob.Name));
        Assert.Equal(csv.ToString(), await Uploads.ReadTextAsync(StorageNames.ProcessedContainer, $"{batchId}/{blob.Name}"));
    }

    private static (string Status, string? Reason) Expected(SimulatedOutcome outcome) => outcome switch
    {
        SimulatedOutcome.Human => ("completed", null),
        SimulatedOutcome.Busy => ("failed", "busy"),
        SimulatedOutcome.NoAnswer => ("failed", "no_answer"),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not configured in this test"),
    };
}
