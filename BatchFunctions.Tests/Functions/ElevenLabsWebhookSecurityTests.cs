using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Http;
using BatchFunctions.Storage;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator;

namespace BatchFunctions.Tests.Functions;

public sealed class ElevenLabsWebhookSecurityTests
{
    [Fact]
    public async Task PostCallWebhook_SimulatorDelivery_AcceptedByTheOfficialSdkAndStoredForTheRecipient()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.PostCallWebhookSecret = AppUnderTest.WebhookSecret;
        simulator.ConversationScripts.Add(new ConversationScript
        {
            Pattern = "+14155551001",
            Summary = "Agreed to the upgrade.",
            CallSuccessful = "success",
            DataCollection = new Dictionary<string, string> { ["plan"] = "gold" },
            Evaluation = [new ScriptedCriterion { Id = "upgrade", Result = "success", Rationale = "Said yes." }],
            Transcript = [new ScriptedTurn { Role = "agent", Message = "Upgrade?", TimeInCallSecs = 1 }, new ScriptedTurn { Role = "user", Message = "Yes.", TimeInCallSecs = 2 }],
        });
        await using var app = await AppUnderTest.StartAsync(simulator);

        var batchId = await app.LaunchAsync(["+14155551001"]);
        await app.WaitForStatusAsync(batchId, "completed");
        var summary = await Eventually.ValueAsync(() => app.Services.GetRequiredService<ConversationResultStore>().GetAsync(batchId, 0, CancellationToken.None));
        var delivery = Assert.Single(app.Simulator.PostCallWebhooks);
        var verified = await Node.RunAsync(
            "BatchFunctions.Tests/Signatures/verify-with-elevenlabs-sdk.mjs",
            input: JsonSerializer.Serialize(new { rawBody = delivery.Body, signature = delivery.Signature, secret = AppUnderTest.WebhookSecret }));

        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Equal(delivery.ConversationId, verified.StandardOutput.Trim());
        Assert.Equal(200, delivery.HttpStatus);
        Assert.Equal(delivery.ConversationId, summary.ConversationId);
        Assert.Equal((CallSuccess.Success, "Agreed to the upgrade.", ResultsSource.Webhook), (summary.CallSuccessful, summary.TranscriptSummary, summary.Source));
        Assert.Equal("gold", summary.DataCollection["plan"]);
        Assert.Equal(new EvaluationResult(CallSuccess.Success, "Said yes."), summary.Evaluation["upgrade"]);
    }

    [Fact]
    public async Task PostCallWebhook_ForgedTamperedStaleReplayedOrUnsigned_Refused401AndNothingChanged()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var link = new ConversationLink("conv_" + Guid.NewGuid().ToString("N"), "btcal_" + Guid.NewGuid().ToString("N")[..24], 3, 1);
        await app.Services.GetRequiredService<ConversationIndex>().RecordAsync(link, CancellationToken.None);
        var store = app.Services.GetRequiredService<ConversationResultStore>();
        var body = Event(link.ConversationId, "Wants a brochure.");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var genuine = Sign(AppUnderTest.WebhookSecret, now, body);

        using var accepted = await PostAsync(app, body, genuine);
        var stored = await store.GetAsync(link.BatchId, link.RecipientIndex, CancellationToken.None);
        var tampered = Event(link.ConversationId, "Wants nothing.");
        var stale = Sign(AppUnderTest.WebhookSecret, now - (31 * 60), tampered);
        var refused = new[]
        {
            await PostAsync(app, body, genuine),
            await PostAsync(app, tampered, Sign("not-the-secret", now, tampered)),
            await PostAsync(app, tampered, genuine),
            await PostAsync(app, tampered, stale),
            await PostAsync(app, tampered, signature: null),
            await PostAsync(app, tampered, "t=" + now.ToString(CultureInfo.InvariantCulture)),
        };
        var sdkOnStale = await Node.RunAsync(
            "BatchFunctions.Tests/Signatures/verify-with-elevenlabs-sdk.mjs",
            input: JsonSerializer.Serialize(new { rawBody = tampered, signature = stale, secret = AppUnderTest.WebhookSecret }));
        var after = await store.GetAsync(link.BatchId, link.RecipientIndex, CancellationToken.None);

        Assert.Equal(200, (int)accepted.StatusCode);
        Assert.NotNull(stored);
        Assert.Equal("Wants a brochure.", stored.TranscriptSummary);
        Assert.All(refused, r => Assert.Equal(401, (int)r.StatusCode));
        Assert.Contains("tolerance", sdkOnStale.Output, StringComparison.Ordinal);
        Assert.Equal(stored with { DataCollection = null!, Evaluation = null! }, after! with { DataCollection = null!, Evaluation = null! });
        foreach (var response in refused)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task PostCallWebhook_RedeliveredOrForAnotherConversation_AcknowledgedAndStoredOnce()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var link = new ConversationLink("conv_" + Guid.NewGuid().ToString("N"), "btcal_" + Guid.NewGuid().ToString("N")[..24], 0, 1);
        await app.Services.GetRequiredService<ConversationIndex>().RecordAsync(link, CancellationToken.None);
        var body = Event(link.ConversationId, "Asked for a callback.");
        var stranger = Event("conv_" + Guid.NewGuid().ToString("N"), "Someone else's call.");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var first = await PostAsync(app, body, Sign(AppUnderTest.WebhookSecret, now, body));
        using var redelivered = await PostAsync(app, body, Sign(AppUnderTest.WebhookSecret, now + 1, body));
        using var unknown = await PostAsync(app, stranger, Sign(AppUnderTest.WebhookSecret, now, stranger));
        var rows = await app.Services.GetRequiredService<ConversationResultStore>().ListRangeAsync(link.BatchId, 0, 10, CancellationToken.None);

        Assert.Equal((200, 200, 200), ((int)first.StatusCode, (int)redelivered.StatusCode, (int)unknown.StatusCode));
        var row = Assert.Single(rows);
        Assert.Equal((0, link.ConversationId, "Asked for a callback."), (row.Key, row.Value.ConversationId, row.Value.TranscriptSummary));
    }

    private static string Event(string conversationId, string summary) => new JsonObject
    {
        ["type"] = "post_call_transcription",
        ["event_timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["data"] = new JsonObject
        {
            ["agent_id"] = AppUnderTest.AgentId,
            ["conversation_id"] = conversationId,
            ["status"] = "done",
            ["transcript"] = new JsonArray(new JsonObject { ["role"] = "agent", ["message"] = "Hello", ["time_in_call_secs"] = 0 }),
            ["metadata"] = new JsonObject { ["start_time_unix_secs"] = 1, ["call_duration_secs"] = 42 },
            ["analysis"] = new JsonObject
            {
                ["call_successful"] = "success",
                ["transcript_summary"] = summary,
                ["data_collection_results"] = new JsonObject { ["topic"] = new JsonObject { ["data_collection_id"] = "topic", ["value"] = "brochure", ["rationale"] = "" } },
                ["evaluation_criteria_results"] = new JsonObject(),
            },
        },
    }.ToJsonString();

    /// <summary>ElevenLabs' scheme, computed here independently of the app and the simulator.</summary>
    private static string Sign(string secret, long timestamp, string body)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        return $"t={t},v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}")));
    }

    private static async Task<HttpResponseMessage> PostAsync(AppUnderTest app, string body, string? signature)
    {
        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, ElevenLabsPostCallWebhook.Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("ElevenLabs-Signature", signature);
        }

        return await http.SendAsync(request);
    }
}
