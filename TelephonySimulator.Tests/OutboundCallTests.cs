using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace TelephonySimulator.Tests;

public sealed class OutboundCallTests
{
    private const string SipNumberId = "phnum_free";
    private const string SipNumber = "+15550100001";
    private const string TwilioNumberId = "phnum_assigned";

    [Fact]
    public async Task SipTrunkOutboundCall_Human_ReturnsIdsAndConversationEndsDone()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15552000001", SimulatedOutcome.Human);
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552000001", new
        {
            dynamic_variables = new { name = "Ann" },
            conversation_config_override = new { agent = new { language = "de" } },
        }));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var conversationId = body.RootElement.GetProperty("conversation_id").GetString()!;
        var sipCallId = body.RootElement.GetProperty("sip_call_id").GetString()!;
        await Eventually.TrueAsync(() => Status(server, conversationId) == SimulatedConversationStatus.Done, "the conversation to be done");
        using var conversation = JsonDocument.Parse(await http.GetStringAsync($"v1/convai/conversations/{conversationId}"));
        var root = conversation.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("success").GetBoolean());
        Assert.StartsWith("conv_", conversationId, StringComparison.Ordinal);
        var call = Assert.Single(server.Calls);
        Assert.Equal((SimulatedChannel.SipTrunk, sipCallId, conversationId, SipNumber), (call.Channel, call.Sid, call.ConversationId, call.From));
        Assert.Equal("completed", call.Status);
        Assert.Equal("done", root.GetProperty("status").GetString());
        Assert.Equal(conversationId, root.GetProperty("conversation_id").GetString());
        Assert.Equal("agent_full", root.GetProperty("agent_id").GetString());
        Assert.Equal(call.DurationSeconds, root.GetProperty("metadata").GetProperty("call_duration_secs").GetInt32());
        Assert.InRange(root.GetProperty("metadata").GetProperty("call_duration_secs").GetInt32(), 20, 120);
        Assert.InRange(
            root.GetProperty("metadata").GetProperty("start_time_unix_secs").GetInt64(),
            DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var phoneCall = root.GetProperty("metadata").GetProperty("phone_call");
        Assert.Equal(("sip_trunking", "answered", sipCallId, SipNumberId), (
            phoneCall.GetProperty("type").GetString(),
            phoneCall.GetProperty("call_result").GetString(),
            phoneCall.GetProperty("call_sid").GetString(),
            phoneCall.GetProperty("phone_number_id").GetString()));
        Assert.Equal("Ann", root.GetProperty("conversation_initiation_client_data").GetProperty("dynamic_variables").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("transcript").ValueKind);
    }

    [Fact]
    public async Task GetConversation_SipTrunkCallPlaysOut_StatusMovesInitiatedInProgressProcessingDone()
    {
        // At 100x each status lasts 300 ms, long enough for polling to see it even on a busy machine.
        await using var server = await TestSimulator.StartWithRuleAsync("+15552000002", SimulatedOutcome.Human, o =>
        {
            o.TimeAcceleration = 100;
            o.RingSeconds = new DurationRange { Min = 30, Max = 30 };
            o.TalkSeconds = new DurationRange { Min = 30, Max = 30 };
            o.ConversationProcessingSeconds = 30;
        });
        using var http = ElevenLabsClients.For(server);
        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552000002"));
        var conversationId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversation_id").GetString();
        var seen = new List<string>();

        while (seen.LastOrDefault() != "done")
        {
            using var conversation = JsonDocument.Parse(await http.GetStringAsync($"v1/convai/conversations/{conversationId}"));
            var status = conversation.RootElement.GetProperty("status").GetString()!;
            if (seen.LastOrDefault() != status)
            {
                seen.Add(status);
            }

            Assert.True(seen.Count <= 4, string.Join(" -> ", seen));
            await Task.Delay(5);
        }

        Assert.Equal(["initiated", "in-progress", "processing", "done"], seen);
    }

    [Theory]
    [InlineData(SimulatedOutcome.Busy, "busy")]
    [InlineData(SimulatedOutcome.NoAnswer, "no_answer")]
    [InlineData(SimulatedOutcome.Failed, "failed")]
    public async Task SipTrunkOutboundCall_NotConnected_ConversationFails(SimulatedOutcome outcome, string callResult)
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15552000003", outcome);
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552000003"));
        var conversationId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversation_id").GetString()!;
        await Eventually.TrueAsync(() => Status(server, conversationId) == SimulatedConversationStatus.Failed, "the conversation to fail");
        using var conversation = JsonDocument.Parse(await http.GetStringAsync($"v1/convai/conversations/{conversationId}"));
        var metadata = conversation.RootElement.GetProperty("metadata");

        Assert.Equal("failed", conversation.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, metadata.GetProperty("call_duration_secs").GetInt32());
        Assert.Equal(callResult, metadata.GetProperty("phone_call").GetProperty("call_result").GetString());
        Assert.Equal(outcome, Assert.Single(server.Conversations).Outcome);
    }

    [Fact]
    public async Task SipTrunkOutboundCall_Concurrent_CountInLiveCallsAndPeakAndTheDialLog()
    {
        await using var server = await TestSimulator.StartAsync(o => o.TalkSeconds = new DurationRange { Min = 1500, Max = 1500 });
        using var http = ElevenLabsClients.For(server);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody($"+155520100{i:D2}"))));
        await Eventually.TrueAsync(() => server.LiveCalls == 3, "three live calls");
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the calls to end");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, server.PeakLiveCalls);
        Assert.All(server.Calls, c => Assert.Equal((SimulatedChannel.SipTrunk, ""), (c.Channel, c.AccountSid)));
        Assert.Equal(3, server.DialAttempts.Count(a => a.Channel == SimulatedChannel.SipTrunk && a.HttpStatus == 200 && a.CallSid is not null));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task TwilioOutboundCall_VoicemailWithDetection_ReturnsCallSidAndConversationSaysVoicemail()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15552020001", SimulatedOutcome.Voicemail);
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync("v1/convai/twilio/outbound-call", new
        {
            agent_id = "agent_full",
            agent_phone_number_id = TwilioNumberId,
            to_number = "+15552020001",
            call_recording_enabled = true,
            telephony_call_config = new { ringing_timeout_secs = 30, twilio_machine_detection = new { mode = "detect_message_end" } },
        });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var callSid = body.RootElement.GetProperty("callSid").GetString()!;
        var conversationId = body.RootElement.GetProperty("conversation_id").GetString()!;
        await Eventually.TrueAsync(() => Status(server, conversationId) == SimulatedConversationStatus.Done, "the conversation to be done");
        using var conversation = JsonDocument.Parse(await http.GetStringAsync($"v1/convai/conversations/{conversationId}"));
        var phoneCall = conversation.RootElement.GetProperty("metadata").GetProperty("phone_call");

        Assert.True(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Matches("^CA[0-9a-f]{32}$", callSid);
        var call = Assert.Single(server.Calls);
        Assert.Equal((SimulatedChannel.ElevenLabsTwilio, callSid, "machine_end_beep"), (call.Channel, call.Sid, call.AnsweredBy));
        Assert.Equal(("twilio", "voicemail", callSid), (
            phoneCall.GetProperty("type").GetString(),
            phoneCall.GetProperty("call_result").GetString(),
            phoneCall.GetProperty("call_sid").GetString()));
        Assert.Matches("^MZ[0-9a-f]{32}$", phoneCall.GetProperty("stream_sid").GetString());
        var notInTwilio = await Assert.ThrowsAsync<ApiException>(() => CallResource.FetchAsync(callSid, client: TwilioClients.For(server)));
        Assert.Equal(20404, notInTwilio.Code);
    }

    [Fact]
    public async Task TwilioOutboundCall_RingingTimeoutShorterThanRing_EndsNoAnswer()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15552020002", SimulatedOutcome.Human, o => o.RingSeconds = new DurationRange { Min = 40, Max = 40 });
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync("v1/convai/twilio/outbound-call", new
        {
            agent_id = "agent_full",
            agent_phone_number_id = TwilioNumberId,
            to_number = "+15552020002",
            telephony_call_config = new { ringing_timeout_secs = 20 },
        });
        await Eventually.TrueAsync(() => server.Conversations.Single().Status == SimulatedConversationStatus.Failed, "the conversation to fail");

        Assert.Equal(("no-answer", SimulatedOutcome.NoAnswer), (server.Calls[0].Status, server.Conversations[0].Outcome));
    }

    [Theory]
    [InlineData("sip-trunk", TwilioNumberId)]
    [InlineData("twilio", SipNumberId)]
    public async Task OutboundCall_NumberOfTheOtherProvider_Returns400AndPlacesNoCall(string route, string phoneNumberId)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync($"v1/convai/{route}/outbound-call", new { agent_id = "agent_full", agent_phone_number_id = phoneNumberId, to_number = "+15552030001" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(phoneNumberId, body.RootElement.GetProperty("detail").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.Calls);
        Assert.Empty(server.Conversations);
    }

    [Theory]
    [InlineData("agent_missing", SipNumberId, "agent_missing")]
    [InlineData("agent_full", "phnum_missing", "phnum_missing")]
    public async Task SipTrunkOutboundCall_UnknownAgentOrNumber_Returns404NamingIt(string agentId, string phoneNumberId, string named)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", new { agent_id = agentId, agent_phone_number_id = phoneNumberId, to_number = "+15552030002" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(named, body.RootElement.GetProperty("detail").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task SipTrunkOutboundCall_MissingFields_Returns422NamingThem()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", new { agent_id = "agent_full" });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            ["agent_phone_number_id", "to_number"],
            body.RootElement.GetProperty("detail").EnumerateArray().Select(d => d.GetProperty("loc")[1].GetString()));
    }

    [Fact]
    public async Task SipTrunkOutboundCall_WrongApiKey_Returns401AndIsLoggedAsAnAttempt()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = ElevenLabsClients.For(server, "wrong-key");

        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552030003"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var attempt = Assert.Single(server.DialAttempts);
        Assert.Equal((SimulatedChannel.SipTrunk, 401, "+15552030003", SipNumber), (attempt.Channel, attempt.HttpStatus, attempt.To, attempt.From));
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task SipTrunkOutboundCall_ToRuleWithErrorCode_AnswersSuccessFalseAndPlacesNoCall()
    {
        await using var server = await TestSimulator.StartAsync(o => o.NumberRules.Add(new NumberRule { Pattern = "+15552040001", ErrorCode = 21216 }));
        using var http = ElevenLabsClients.For(server);

        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552040001"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.RootElement.GetProperty("success").GetBoolean());
        Assert.Contains("21216", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("conversation_id").ValueKind);
        Assert.Empty(server.Calls);
        Assert.Equal(21216, Assert.Single(server.DialAttempts).ErrorCode);
    }

    [Fact]
    public async Task SipTrunkOutboundCall_FailNextDials_AnswersTheStatusWithElevenLabsDetail()
    {
        await using var server = await TestSimulator.StartAsync();
        server.Faults.FailNextDials(1, 503, channel: SimulatedChannel.SipTrunk);
        using var http = ElevenLabsClients.For(server);

        using var failed = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552040002"));
        using var body = JsonDocument.Parse(await failed.Content.ReadAsStringAsync());
        using var next = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552040002"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal("internal_server_error", body.RootElement.GetProperty("detail").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Single(server.Calls);
        Assert.Single(server.Conversations);
    }

    [Fact]
    public async Task SipTrunkOutboundCall_DropNextDials_NoAnswerButCallAndConversationExist()
    {
        await using var server = await TestSimulator.StartAsync();
        server.Faults.DropNextDials(1, callCreated: true, SimulatedChannel.SipTrunk);
        using var http = ElevenLabsClients.For(server);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", SipBody("+15552040003")));

        var call = Assert.Single(server.Calls);
        Assert.Equal(call.ConversationId, Assert.Single(server.Conversations).ConversationId);
        Assert.Equal((0, call.Sid), (server.DialAttempts[0].HttpStatus, server.DialAttempts[0].CallSid));
    }

    [Fact]
    public async Task GetConversation_Unknown_Returns404()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = ElevenLabsClients.For(server);

        using var response = await http.GetAsync("v1/convai/conversations/conv_missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static SimulatedConversationStatus? Status(SimulatorServer server, string conversationId) =>
        server.Conversations.FirstOrDefault(c => c.ConversationId == conversationId)?.Status;

    private static object SipBody(string to, object? clientData = null) => new
    {
        agent_id = "agent_full",
        agent_phone_number_id = SipNumberId,
        to_number = to,
        conversation_initiation_client_data = clientData,
        telephony_call_config = new { ringing_timeout_secs = 60 },
    };
}
