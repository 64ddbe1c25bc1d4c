using System.Globalization;
using System.Net.Http.Json;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;
using HttpMethod = Twilio.Http.HttpMethod;

namespace TelephonySimulator.Tests;

public sealed class CallPlayoutTests : IAsyncLifetime
{
    private static readonly string[] AllEvents = ["initiated", "ringing", "answered", "completed"];
    private static readonly string[] CommonFields =
        ["AccountSid", "ApiVersion", "CallSid", "CallStatus", "Called", "Caller", "Direction", "From", "To"];

    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task HumanOutcome_AllEvents_AnswersThenSendsSignedCallbacksInOrder()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550111111", SimulatedOutcome.Human);

        var call = await CreateAsync(server, "+15550111111", AllEvents, machineDetection: "Enable", statusPath: "/status?batch=b1&recipient=r%201");
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal(["0", "1", "2", "3"], callbacks.Select(c => c["SequenceNumber"]));
        Assert.All(callbacks, c => Assert.True(WebhookReceiver.IsValidlySigned(c), $"bad signature on {c.Url}"));
        Assert.All(callbacks, c => Assert.Equal("POST", c.Method));
        Assert.All(callbacks, c => Assert.Equal("call-progress-events", c["CallbackSource"]));
        Assert.All(callbacks, c => Assert.True(DateTimeOffset.TryParseExact(
            c["Timestamp"], "ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)));
        var answer = Assert.Single(receiver.For(call.Sid, "/answer"));
        Assert.True(WebhookReceiver.IsValidlySigned(answer));
        Assert.Equal(CommonFields.Append("AnsweredBy").Order(StringComparer.Ordinal), answer.Parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("in-progress", answer["CallStatus"]);
        Assert.Equal("human", answer["AnsweredBy"]);
        Assert.True(answer.ReceivedAt <= callbacks[2].ReceivedAt, "the answer URL is requested before the answered callback");
        var terminal = callbacks[3];
        var seconds = int.Parse(terminal["CallDuration"], CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 20, 120);
        Assert.Equal(((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture), terminal["Duration"]);
        Assert.Equal("200", terminal["SipResponseCode"]);
        Assert.Equal("human", terminal["AnsweredBy"]);
        Assert.Equal(WebhookReceiver.DefaultTwiml, Assert.Single(server.Calls).AnswerTwiml);
    }

    [Fact]
    public async Task HumanOutcome_Completed_FetchShowsEndedCall()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550111112", SimulatedOutcome.Human);

        var created = await CreateAsync(server, "+15550111112", AllEvents, machineDetection: "Enable");
        var terminal = (await receiver.WaitForTerminalCallbackAsync(created.Sid))[^1];
        var fetched = await CallResource.FetchAsync(created.Sid, client: TwilioClients.For(server));

        Assert.Equal(CallResource.StatusEnum.Completed, fetched.Status);
        Assert.Equal(terminal["CallDuration"], fetched.Duration);
        Assert.Equal("human", fetched.AnsweredBy);
        Assert.NotNull(fetched.StartTime);
        Assert.NotNull(fetched.EndTime);
    }

    [Fact]
    public async Task StatusCallbackFields_RingingEvent_AreExactlyTwiliosFields()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550111113", SimulatedOutcome.Busy);

        var call = await CreateAsync(server, "+15550111113", ["ringing"]);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(
            CommonFields.Concat(["CallbackSource", "SequenceNumber", "Timestamp"]).Order(StringComparer.Ordinal),
            callbacks[0].Parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["AccountSid"] = TestSimulator.AccountSid,
                ["ApiVersion"] = "2010-04-01",
                ["CallSid"] = call.Sid,
                ["CallStatus"] = "ringing",
                ["Called"] = "+15550111113",
                ["Caller"] = TestSimulator.CallerId,
                ["Direction"] = "outbound-api",
                ["From"] = TestSimulator.CallerId,
                ["To"] = "+15550111113",
            },
            callbacks[0].Parameters.Where(p => CommonFields.Contains(p.Key)).ToDictionary());
    }

    [Fact]
    public async Task VoicemailOutcome_DetectMessageEnd_AnsweredByMachineEndBeepAndShort()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550122222", SimulatedOutcome.Voicemail);

        var call = await CreateAsync(server, "+15550122222", AllEvents, machineDetection: "DetectMessageEnd");
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal("machine_end_beep", Assert.Single(receiver.For(call.Sid, "/answer"))["AnsweredBy"]);
        Assert.Equal("machine_end_beep", callbacks[2]["AnsweredBy"]);
        // The greeting up to the beep (3-9 s), then the connected TwiML's share of a short voicemail (4-12 s).
        Assert.InRange(int.Parse(callbacks[3]["CallDuration"], CultureInfo.InvariantCulture), 7, 21);
        Assert.Equal(SimulatedOutcome.Voicemail, Assert.Single(server.Calls).Outcome);
    }

    [Fact]
    public async Task VoicemailOutcome_EnableDetection_AnsweredByMachineStart()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550122223", SimulatedOutcome.Voicemail);

        var call = await CreateAsync(server, "+15550122223", AllEvents, machineDetection: "Enable");
        await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal("machine_start", Assert.Single(receiver.For(call.Sid, "/answer"))["AnsweredBy"]);
    }

    [Fact]
    public async Task HumanOutcome_NoMachineDetection_SendsNoAnsweredBy()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550122224", SimulatedOutcome.Human);

        var call = await CreateAsync(server, "+15550122224", AllEvents);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.DoesNotContain("AnsweredBy", Assert.Single(receiver.For(call.Sid, "/answer")).Parameters.Keys);
        Assert.All(callbacks, c => Assert.DoesNotContain("AnsweredBy", c.Parameters.Keys));
    }

    [Fact]
    public async Task BusyOutcome_AllEvents_EndsBusyWith486AndNoAnswerRequest()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550133333", SimulatedOutcome.Busy);

        var call = await CreateAsync(server, "+15550133333", AllEvents);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(["initiated", "ringing", "busy"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal(["0", "1", "2"], callbacks.Select(c => c["SequenceNumber"]));
        Assert.Equal("486", callbacks[2]["SipResponseCode"]);
        Assert.Equal("0", callbacks[2]["CallDuration"]);
        Assert.Equal("0", callbacks[2]["Duration"]);
        Assert.Empty(receiver.For(call.Sid, "/answer"));
        Assert.Null(Assert.Single(server.Calls).AnswerTwiml);
        Assert.Equal("busy", server.Calls[0].Status);
    }

    [Fact]
    public async Task NoAnswerOutcome_Timeout_RingsForTimeoutThenNoAnswer487()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550144444", SimulatedOutcome.NoAnswer);

        var call = await CreateAsync(server, "+15550144444", AllEvents, timeout: 200);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(["initiated", "ringing", "no-answer"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal("487", callbacks[2]["SipResponseCode"]);
        Assert.Equal("0", callbacks[2]["CallDuration"]);
        var rang = callbacks[2].ReceivedAt - callbacks[1].ReceivedAt;
        Assert.True(rang >= TimeSpan.FromSeconds(200 / TestSimulator.FastAcceleration * 0.9), $"rang only {rang}");
    }

    [Fact]
    public async Task FailedOutcome_AllEvents_EndsFailedWithErrorCode()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550155555", SimulatedOutcome.Failed);

        var call = await CreateAsync(server, "+15550155555", AllEvents);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(["initiated", "ringing", "failed"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal("32009", callbacks[2]["ErrorCode"]);
        Assert.Equal("500", callbacks[2]["SipResponseCode"]);
        Assert.Equal("0", callbacks[2]["CallDuration"]);
    }

    [Fact]
    public async Task StatusCallback_NoEventsRequested_SendsOnlyTerminalCallback()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550166666", SimulatedOutcome.Human);

        var call = await CreateAsync(server, "+15550166666", events: []);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        // The log records a callback once its response is in, and the call stops being live right after.
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to end");

        var only = Assert.Single(callbacks);
        Assert.Equal("completed", only["CallStatus"]);
        Assert.Equal("0", only["SequenceNumber"]);
        Assert.Equal(["completed"], Assert.Single(server.Calls).Callbacks.Select(c => c.Event));
    }

    [Fact]
    public async Task StatusCallback_OnlyRingingRequested_StillSendsTerminalCallback()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550166667", SimulatedOutcome.NoAnswer);

        var call = await CreateAsync(server, "+15550166667", ["ringing"]);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(["ringing", "no-answer"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal(["0", "1"], callbacks.Select(c => c["SequenceNumber"]));
    }

    [Fact]
    public async Task StatusCallbackMethodGet_SignsTheFullUrl()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550177777", SimulatedOutcome.Busy);

        var call = await CreateAsync(server, "+15550177777", AllEvents, statusPath: "/status?batch=b2", statusMethod: HttpMethod.Get);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.All(callbacks, c => Assert.Equal("GET", c.Method));
        Assert.All(callbacks, c => Assert.True(WebhookReceiver.IsValidlySigned(c), $"bad signature on {c.Url}"));
        Assert.Equal("b2", callbacks[0]["batch"]);
    }

    [Fact]
    public async Task StatusCallback_ReceiverFails_RecordsHttpStatusInLog()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550188888", SimulatedOutcome.Busy);

        var call = await CreateAsync(server, "+15550188888", AllEvents, statusPath: "/error");
        await receiver.WaitForTerminalCallbackAsync(call.Sid, "/error");
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to end");

        var logged = Assert.Single(server.Calls).Callbacks;
        Assert.Equal([0, 1, 2], logged.Select(c => c.SequenceNumber));
        Assert.All(logged, c => Assert.Equal(500, c.HttpStatus));
    }

    [Fact]
    public async Task AnswerUrl_ActsLikeTheApplication_RecordsRegisterCallTwiml()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550199999", SimulatedOutcome.Human);
        using var elevenLabs = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };
        elevenLabs.DefaultRequestHeaders.Add("xi-api-key", TestSimulator.ElevenLabsApiKey);
        receiver.Answer = async webhook =>
        {
            using var response = await elevenLabs.PostAsJsonAsync("v1/convai/twilio/register-call", new
            {
                agent_id = "agent_full",
                from_number = webhook["From"],
                to_number = webhook["To"],
                direction = "outbound",
                conversation_initiation_client_data = new { dynamic_variables = new { name = "Ann" } },
            });
            return await response.Content.ReadAsStringAsync();
        };

        var call = await CreateAsync(server, "+15550199999", AllEvents);
        await receiver.WaitForTerminalCallbackAsync(call.Sid);

        var conversation = Assert.Single(server.Conversations);
        Assert.Equal("+15550199999", conversation.ToNumber);
        Assert.Contains($"conversation_id={conversation.ConversationId}", Assert.Single(server.Calls).AnswerTwiml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterCall_ConnectedByAnswerTwiml_ConversationFollowsTheTwilioCallToDone()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550199998", SimulatedOutcome.Human);
        using var elevenLabs = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };
        elevenLabs.DefaultRequestHeaders.Add("xi-api-key", TestSimulator.ElevenLabsApiKey);
        receiver.Answer = async webhook =>
        {
            using var response = await elevenLabs.PostAsJsonAsync("v1/convai/twilio/register-call", new
            {
                agent_id = "agent_full",
                from_number = webhook["From"],
                to_number = webhook["To"],
                direction = "outbound",
            });
            return await response.Content.ReadAsStringAsync();
        };

        var call = await CreateAsync(server, "+15550199998", AllEvents);
        var terminal = (await receiver.WaitForTerminalCallbackAsync(call.Sid))[^1];
        await Eventually.TrueAsync(() => server.Conversations.Single().Status == SimulatedConversationStatus.Done, "the conversation to be done");
        var conversation = server.Conversations.Single();
        using var fetched = System.Text.Json.JsonDocument.Parse(await elevenLabs.GetStringAsync($"v1/convai/conversations/{conversation.ConversationId}"));
        var metadata = fetched.RootElement.GetProperty("metadata");

        Assert.Equal((call.Sid, "phnum_assigned"), (conversation.CallSid, conversation.PhoneNumberId));
        Assert.Equal(conversation.ConversationId, Assert.Single(server.Calls).ConversationId);
        Assert.Equal(terminal["CallDuration"], metadata.GetProperty("call_duration_secs").GetInt32().ToString(CultureInfo.InvariantCulture));
        Assert.Equal(call.Sid, metadata.GetProperty("phone_call").GetProperty("call_sid").GetString());
        Assert.Equal("done", fetched.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task RegisterCall_NeverConnected_StaysInitiated()
    {
        await using var server = await TestSimulator.StartAsync();
        using var elevenLabs = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };
        elevenLabs.DefaultRequestHeaders.Add("xi-api-key", TestSimulator.ElevenLabsApiKey);

        using var response = await elevenLabs.PostAsJsonAsync("v1/convai/twilio/register-call", new
        {
            agent_id = "agent_full",
            from_number = TestSimulator.CallerId,
            to_number = "+15550199997",
            direction = "outbound",
        });
        var conversation = Assert.Single(server.Conversations);
        using var fetched = System.Text.Json.JsonDocument.Parse(await elevenLabs.GetStringAsync($"v1/convai/conversations/{conversation.ConversationId}"));

        Assert.Equal("initiated", fetched.RootElement.GetProperty("status").GetString());
        Assert.Null(conversation.CallSid);
    }

    private Task<CallResource> CreateAsync(
        SimulatorServer server,
        string to,
        IEnumerable<string> events,
        string? machineDetection = null,
        int? timeout = null,
        string statusPath = "/status",
        HttpMethod? statusMethod = null) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url(statusPath),
                StatusCallbackEvent = [.. events],
                StatusCallbackMethod = statusMethod ?? HttpMethod.Post,
                MachineDetection = machineDetection,
                Timeout = timeout,
            },
            TwilioClients.For(server));
}
