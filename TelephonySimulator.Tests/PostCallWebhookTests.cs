using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TelephonySimulator.Tests.Infrastructure;

namespace TelephonySimulator.Tests;

public sealed class PostCallWebhookTests
{
    private const string Secret = "wsec_test_secret";

    [Fact]
    public async Task PostCallWebhook_ScriptedNumber_SignedOnceWithScriptedAnalysisAndTranscript()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver, Script("+15553000001", PostCallWebhookFault.None));
        using var http = ElevenLabsClients.For(server);

        var conversationId = await CallAsync(http, "+15553000001");
        await Eventually.TrueAsync(() => server.PostCallWebhooks.Count == 1, "the post-call webhook");
        var webhook = Assert.Single(server.PostCallWebhooks);
        using var body = JsonDocument.Parse(webhook.Body);
        var data = body.RootElement.GetProperty("data");
        using var fetched = JsonDocument.Parse(await http.GetStringAsync($"v1/convai/conversations/{conversationId}"));
        using var audio = await http.GetAsync($"v1/convai/conversations/{conversationId}/audio");

        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)webhook.HttpStatus);
        Assert.Equal(ExpectedSignature(webhook.Signature, webhook.Body), webhook.Signature);
        Assert.Equal("post_call_transcription", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(conversationId, data.GetProperty("conversation_id").GetString());
        Assert.Equal("done", data.GetProperty("status").GetString());
        var analysis = data.GetProperty("analysis");
        Assert.Equal("success", analysis.GetProperty("call_successful").GetString());
        Assert.Equal("Wants a callback on Friday.", analysis.GetProperty("transcript_summary").GetString());
        Assert.Equal("Friday", analysis.GetProperty("data_collection_results").GetProperty("callback_day").GetProperty("value").GetString());
        Assert.Equal("success", analysis.GetProperty("evaluation_criteria_results").GetProperty("interested").GetProperty("result").GetString());
        Assert.Equal(["agent", "user"], data.GetProperty("transcript").EnumerateArray().Select(t => t.GetProperty("role").GetString()!));
        Assert.Equal(data.GetProperty("analysis").GetRawText(), fetched.RootElement.GetProperty("analysis").GetRawText());
        Assert.True(fetched.RootElement.GetProperty("has_audio").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.StartsWith("RIFF", Encoding.ASCII.GetString(await audio.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCallWebhook_Duplicated_DeliveredTwiceSignedAfresh()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver, Script("+15553000002", PostCallWebhookFault.Duplicated));
        using var http = ElevenLabsClients.For(server);

        var conversationId = await CallAsync(http, "+15553000002");
        await Eventually.TrueAsync(() => server.PostCallWebhooks.Count == 2, "both deliveries");

        Assert.All(server.PostCallWebhooks, w => Assert.Equal(conversationId, w.ConversationId));
        Assert.Equal([false, true], server.PostCallWebhooks.Select(w => w.Repeated));
        Assert.All(server.PostCallWebhooks, w => Assert.Equal(ExpectedSignature(w.Signature, w.Body), w.Signature));
    }

    [Fact]
    public async Task PostCallWebhook_Lost_NeverSentButConversationIsDone()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await StartAsync(receiver, Script("+15553000003", PostCallWebhookFault.Lost), Script("+15553000004", PostCallWebhookFault.None));
        using var http = ElevenLabsClients.For(server);

        var lost = await CallAsync(http, "+15553000003");
        var delivered = await CallAsync(http, "+15553000004");
        await Eventually.TrueAsync(() => server.PostCallWebhooks.Count == 1, "the other conversation's webhook");
        await Eventually.TrueAsync(() => server.Conversations.All(c => c.Status == SimulatedConversationStatus.Done), "both conversations to be done");
        using var fetched = JsonDocument.Parse(await http.GetStringAsync($"v1/convai/conversations/{lost}"));

        Assert.Equal(delivered, Assert.Single(server.PostCallWebhooks).ConversationId);
        Assert.Equal("success", fetched.RootElement.GetProperty("analysis").GetProperty("call_successful").GetString());
    }

    private static ConversationScript Script(string number, PostCallWebhookFault fault) => new()
    {
        Pattern = number,
        Transcript =
        [
            new ScriptedTurn { Role = "agent", Message = "Hi, is Friday good for a callback?", TimeInCallSecs = 1 },
            new ScriptedTurn { Role = "user", Message = "Yes, Friday.", TimeInCallSecs = 4 },
        ],
        Summary = "Wants a callback on Friday.",
        CallSuccessful = "success",
        Evaluation = [new ScriptedCriterion { Id = "interested", Result = "success", Rationale = "Asked for a callback." }],
        DataCollection = new Dictionary<string, string> { ["callback_day"] = "Friday" },
        HasAudio = true,
        Webhook = fault,
    };

    private static Task<SimulatorServer> StartAsync(WebhookReceiver receiver, params ConversationScript[] scripts) =>
        TestSimulator.StartAsync(options =>
        {
            options.Outcomes = new OutcomeMix { Human = 1 };
            options.ConversationScripts.AddRange(scripts);
            options.PostCallWebhookUrl = receiver.Url("/status").AbsoluteUri;
            options.PostCallWebhookSecret = Secret;
        });

    private static async Task<string> CallAsync(HttpClient http, string to)
    {
        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", new
        {
            agent_id = "agent_full",
            agent_phone_number_id = "phnum_free",
            to_number = to,
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("conversation_id").GetString()!;
    }

    /// <summary>The header ElevenLabs would send for this body at the header's own timestamp, computed independently.</summary>
    private static string ExpectedSignature(string header, string body)
    {
        var t = header.Split(',').Single(p => p.StartsWith("t=", StringComparison.Ordinal))[2..];
        return $"t={t},v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + "." + body)));
    }
}
