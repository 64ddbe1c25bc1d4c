using System.Text.Json;
using BatchFunctions.Functions.Ingestion;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator;

namespace BatchFunctions.Tests.EndToEnd;

/// <summary>
/// "Leave a message when the machine answers": the batch's or the recipient's voicemail message is said after the
/// greeting (the simulator fetches the TwiML only when DetectMessageEnd reports the beep) and the recipient ends
/// voicemail with the message left; a person still gets the agent.
/// </summary>
public sealed class VoicemailMessageTests
{
    private const string Person = "+14155551000";
    private const string Machine = "+14155551001";
    private const string MachineWithOwnMessage = "+14155551002";
    private const string BatchMessage = "Hello, this is Acme Energy about your renewal. Please call us back on 415 555 0000. Goodbye.";
    private const string OwnMessage = "Hi Cy, Acme here: your meter visit is on Friday at 9, call 415 555 0000 to move it.";

    [Fact]
    public async Task VoicemailMessage_MachineAnswers_MessageLeftAfterTheGreetingAndRecipientEndsVoicemail()
    {
        await using var app = await AppUnderTest.StartAsync(SimulatorWithMachines());
        var csv = $"phone_number,name,voicemail_message\n{Person},Ann,\n{Machine},Bob,\n{MachineWithOwnMessage},Cy,\"{OwnMessage}\"\n";

        var batchId = await LaunchAsync(app, csv, new Dictionary<string, string> { ["voicemail_message"] = BatchMessage });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        var calls = app.Simulator.Calls.ToDictionary(c => c.To);
        Assert.Equal([BatchMessage], calls[Machine].Said);
        Assert.Equal([OwnMessage], calls[MachineWithOwnMessage].Said);
        Assert.Empty(calls[Person].Said);
        Assert.Equal(("human", true), (calls[Person].AnsweredBy, calls[Person].ConversationId is not null));
        Assert.All([calls[Machine], calls[MachineWithOwnMessage]], c => Assert.Equal(("machine_end_beep", null), (c.AnsweredBy, c.ConversationId)));

        var recipients = batch.RecipientsByNumber();
        Assert.Equal(("completed", null), Outcome(recipients[Person]));
        Assert.Equal(("voicemail", "voicemail_message_left"), Outcome(recipients[Machine]));
        Assert.Equal(("voicemail", "voicemail_message_left"), Outcome(recipients[MachineWithOwnMessage]));
        Assert.StartsWith("Message left", recipients[Machine].GetProperty("failure_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(OwnMessage, recipients[MachineWithOwnMessage].GetProperty("voicemail_message").GetString());
        Assert.Equal(BatchMessage, batch.GetProperty("voicemail_message").GetString());
        Assert.Equal("detect_message_end", batch.GetProperty("telephony_call_config").GetProperty("twilio_machine_detection").GetProperty("mode").GetString());
        Assert.Equal(2, batch.GetProperty("status_counts").GetProperty("voicemail").GetInt32());

        var exported = (await app.ExportRowsAsync(batchId)).ToDictionary(r => r["phone_number"].TrimStart('\''));
        Assert.Equal(("voicemail", "voicemail_message_left", OwnMessage),
            (exported[MachineWithOwnMessage]["status"], exported[MachineWithOwnMessage]["failure_reason"], exported[MachineWithOwnMessage]["voicemail_message"]));
        Assert.Equal(("voicemail_message_left", ""), (exported[Machine]["failure_reason"], exported[Machine]["voicemail_message"]));
    }

    [Fact]
    public async Task NoVoicemailMessage_MachineAnswersAfterTheGreeting_AgentTakesTheCallAsBefore()
    {
        await using var app = await AppUnderTest.StartAsync(SimulatorWithMachines());
        var csv = $"phone_number,name\n{Person},Ann\n{Machine},Bob\n";

        var batchId = await LaunchAsync(app, csv, new Dictionary<string, string> { ["machine_detection"] = "detect_message_end" });
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        var calls = app.Simulator.Calls.ToDictionary(c => c.To);
        Assert.All(calls.Values, c => Assert.Empty(c.Said));
        Assert.All(calls.Values, c => Assert.NotNull(c.ConversationId));
        var recipients = batch.RecipientsByNumber();
        Assert.Equal(("completed", null), Outcome(recipients[Person]));
        Assert.Equal(("voicemail", null), Outcome(recipients[Machine]));
        Assert.False(batch.TryGetProperty("voicemail_message", out _));
    }

    private static SimulatorOptions SimulatorWithMachines()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.NumberRules =
        [
            new NumberRule { Pattern = Machine, Outcome = SimulatedOutcome.Voicemail },
            new NumberRule { Pattern = MachineWithOwnMessage, Outcome = SimulatedOutcome.Voicemail },
        ];
        return simulator;
    }

    private static async Task<string> LaunchAsync(AppUnderTest app, string csv, IDictionary<string, string> metadata)
    {
        var (blob, batchId) = await Uploads.DropAsync(csv, metadata: metadata);
        await ActivatorUtilities.CreateInstance<RecipientFileDropped>(app.Services).IngestAsync(blob, app.Durable.Client, CancellationToken.None);
        return batchId;
    }

    private static (string?, string?) Outcome(JsonElement recipient) =>
        (recipient.GetProperty("status").GetString(), recipient.GetProperty("failure_reason").GetString());
}
