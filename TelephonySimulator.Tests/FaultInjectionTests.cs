using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task FailNextDials_Two503s_FailTwiceThenCreates()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server);
        server.Faults.FailNextDials(2, 503);

        var first = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15551700001"));
        var second = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15551700001"));
        var third = await CreateAsync(client, "+15551700001");

        Assert.Equal((503, 20503), (first.Status, first.Code));
        Assert.Equal((503, 20503), (second.Status, second.Code));
        Assert.Equal(third.Sid, Assert.Single(server.Calls).Sid);
        Assert.Equal(
            [(503, DialFaultAction.Fail), (503, DialFaultAction.Fail), (201, (DialFaultAction?)null)],
            server.DialAttempts.Select(a => (a.HttpStatus, a.Fault)));
        Assert.Empty(server.Faults.Pending);
    }

    [Fact]
    public async Task FailNextDials_429Burst_ReportsTooManyRequests()
    {
        await using var server = await TestSimulator.StartAsync();
        server.Faults.FailNextDials(3, 429);

        var refusals = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            Assert.ThrowsAsync<ApiException>(() => CreateAsync(TwilioClients.For(server), $"+155517100{i:D2}"))));

        Assert.All(refusals, e => Assert.Equal((429, 20429), (e.Status, e.Code)));
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task DropNextDials_CallCreated_ClientGetsNoAnswerButTheCallExistsAndPlaysOut()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15551720001", SimulatedOutcome.Busy);
        var client = TwilioClients.For(server);
        server.Faults.DropNextDials(1, callCreated: true);

        await Assert.ThrowsAsync<ApiConnectionException>(() => CreateAsync(client, "+15551720001", receiver));
        var call = Assert.Single(server.Calls);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);
        var found = await CallResource.ReadAsync(to: new PhoneNumber("+15551720001"), client: client);

        Assert.Equal("busy", callbacks[^1]["CallStatus"]);
        Assert.Equal(call.Sid, Assert.Single(found).Sid);
        var attempt = Assert.Single(server.DialAttempts);
        Assert.Equal((0, call.Sid, DialFaultAction.Drop), (attempt.HttpStatus, attempt.CallSid, attempt.Fault));
    }

    [Fact]
    public async Task DropNextDials_CallNotCreated_NoCallExists()
    {
        await using var server = await TestSimulator.StartAsync();
        server.Faults.DropNextDials(1, callCreated: false);

        await Assert.ThrowsAsync<ApiConnectionException>(() => CreateAsync(TwilioClients.For(server), "+15551720002"));

        Assert.Empty(server.Calls);
        Assert.Equal((0, (string?)null), (server.DialAttempts[0].HttpStatus, server.DialAttempts[0].CallSid));
    }

    [Fact]
    public async Task DelayNextDials_ClientTimesOut_CallIsCreatedAnyway()
    {
        await using var server = await TestSimulator.StartAsync();
        var impatient = new TwilioRestClient(
            TestSimulator.AccountSid,
            TestSimulator.AuthToken,
            httpClient: new SystemNetHttpClient(new System.Net.Http.HttpClient(new SimulatorRedirectHandler(server.BaseUrl)) { Timeout = TimeSpan.FromSeconds(1) }));
        server.Faults.DelayNextDials(1, TimeSpan.FromSeconds(10));

        var gaveUp = await Assert.ThrowsAsync<ApiConnectionException>(() => CreateAsync(impatient, "+15551730001"));
        await Eventually.TrueAsync(() => server.DialAttempts.Count == 1, "the attempt to be logged");

        Assert.IsType<TaskCanceledException>(gaveUp.InnerException);
        Assert.Equal("+15551730001", Assert.Single(server.Calls).To);
        Assert.Equal((0, server.Calls[0].Sid), (server.DialAttempts[0].HttpStatus, server.DialAttempts[0].CallSid));
    }

    [Fact]
    public async Task DelayNextDials_SlowAnswer_StatusCallbacksArriveBeforeTheCreateResponse()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15551730002", SimulatedOutcome.Busy);
        server.Faults.DelayNextDials(1, TimeSpan.FromSeconds(1));

        var call = await CreateAsync(TwilioClients.For(server), "+15551730002", receiver);
        var answeredAt = DateTimeOffset.UtcNow;

        var terminal = receiver.For(call.Sid, "/status").Single(c => c["CallStatus"] == "busy");
        Assert.True(terminal.ReceivedAt < answeredAt, "the terminal callback should beat the slow create response");
        Assert.Equal(CallResource.StatusEnum.Queued, call.Status);
    }

    [Fact]
    public async Task Latency_SetThenCleared_SlowsEveryDialUntilCleared()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server);
        server.Faults.Latency = TimeSpan.FromMilliseconds(400);

        var slow = Stopwatch.StartNew();
        await CreateAsync(client, "+15551740001");
        await CreateAsync(client, "+15551740002");
        slow.Stop();
        server.Faults.Clear();
        var fast = Stopwatch.StartNew();
        await CreateAsync(client, "+15551740003");
        fast.Stop();

        Assert.True(slow.Elapsed >= TimeSpan.FromMilliseconds(790), $"two slow creates took {slow.Elapsed}");
        Assert.True(fast.Elapsed < TimeSpan.FromMilliseconds(400), $"a create after Clear took {fast.Elapsed}");
        Assert.All(server.DialAttempts, a => Assert.Null(a.Fault));
    }

    [Fact]
    public async Task Add_FaultForOneNumber_LeavesOtherNumbersAlone()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server);
        server.Faults.Add(new DialFault { Action = DialFaultAction.Fail, HttpStatus = 400, ErrorCode = 21216, To = "+15551750002" });

        await CreateAsync(client, "+15551750001");
        var refused = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15551750002"));

        Assert.Equal(21216, refused.Code);
        Assert.Equal(["+15551750001"], server.Calls.Select(c => c.To));
    }

    [Fact]
    public async Task FailNextDials_OtherChannel_DoesNotTouchTwilioCreates()
    {
        await using var server = await TestSimulator.StartAsync();
        server.Faults.FailNextDials(1, 500, channel: SimulatedChannel.SipTrunk);

        await CreateAsync(TwilioClients.For(server), "+15551750003");

        Assert.Equal(SimulatedChannel.SipTrunk, Assert.Single(server.Faults.Pending).Channel);
    }

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 200)]
    public async Task Add_InconsistentFault_ThrowsNamingTheProperty(int count, int httpStatus)
    {
        await using var server = await TestSimulator.StartAsync();

        var exception = Assert.Throws<ArgumentException>(() => server.Faults.FailNextDials(count, httpStatus));

        Assert.StartsWith(count == 0 ? "Count" : "HttpStatus", exception.Message, StringComparison.Ordinal);
        Assert.Empty(server.Faults.Pending);
    }

    [Fact]
    public async Task FaultsEndpoint_PostFail_NextCreateFailsAndFaultIsConsumed()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };

        using var posted = await http.PostAsJsonAsync("simulator/faults", new { action = "fail", count = 1, http_status = 500, error_code = 20500, channel = "twilio" });
        using var pending = JsonDocument.Parse(await http.GetStringAsync("simulator/faults"));
        var refused = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(TwilioClients.For(server), "+15551760001"));
        using var after = JsonDocument.Parse(await http.GetStringAsync("simulator/faults"));

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var fault = Assert.Single(pending.RootElement.GetProperty("pending").EnumerateArray());
        Assert.Equal("fail", fault.GetProperty("action").GetString());
        Assert.Equal(500, fault.GetProperty("http_status").GetInt32());
        Assert.Equal((500, 20500), (refused.Status, refused.Code));
        Assert.Empty(after.RootElement.GetProperty("pending").EnumerateArray());
    }

    [Fact]
    public async Task FaultsEndpoint_PostDropWithDelay_ClientGetsNoAnswerAfterTheDelay()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };
        (await http.PostAsJsonAsync("simulator/faults", new { action = "drop", delay_ms = 200, call_created = true })).Dispose();

        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<ApiConnectionException>(() => CreateAsync(TwilioClients.For(server), "+15551760002"));

        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(180), $"dropped after {stopwatch.Elapsed}");
        Assert.Single(server.Calls);
    }

    [Theory]
    [InlineData("{\"count\":1}", "action")]
    [InlineData("{\"action\":\"fail\",\"http_status\":302}", "HttpStatus")]
    [InlineData("{\"action\":\"explode\"}", "not a fault")]
    public async Task FaultsEndpoint_PostInvalidFault_Returns400SayingWhatToFix(string body, string named)
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };

        using var response = await http.PostAsync("simulator/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(server.Faults.Pending);
    }

    [Fact]
    public async Task FaultsEndpoint_PutLatencyThenDelete_SetsAndClearsEverything()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new System.Net.Http.HttpClient { BaseAddress = server.BaseUrl };

        using var put = await http.PutAsJsonAsync("simulator/faults/latency", new { latency_ms = 150 });
        (await http.PostAsJsonAsync("simulator/faults", new { action = "delay", count = 2, delay_ms = 10 })).Dispose();
        var latencyBefore = server.Faults.Latency;
        var pendingBefore = server.Faults.Pending;
        using var deleted = await http.DeleteAsync("simulator/faults");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(TimeSpan.FromMilliseconds(150), latencyBefore);
        Assert.Equal((DialFaultAction.Delay, 2, TimeSpan.FromMilliseconds(10)), (pendingBefore[0].Action, pendingBefore[0].Count, pendingBefore[0].Delay));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(TimeSpan.Zero, server.Faults.Latency);
        Assert.Empty(server.Faults.Pending);
    }

    private static Task<CallResource> CreateAsync(ITwilioRestClient client, string to, WebhookReceiver? receiver = null) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId))
            {
                Twiml = new Twiml("<Response/>"),
                StatusCallback = receiver?.Url("/status"),
                StatusCallbackEvent = receiver is null ? null : ["initiated", "ringing", "answered", "completed"],
            },
            client);
}
