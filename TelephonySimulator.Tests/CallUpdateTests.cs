using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class CallUpdateTests : IAsyncLifetime
{
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync() => receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task UpdateAsync_CancelRingingCall_EndsCanceledAndSendsTerminalCallback()
    {
        // 600 s of ringing at 100x lasts 6 s: long enough to cancel while it rings.
        await using var server = await TestSimulator.StartWithRuleAsync("+15550200001", SimulatedOutcome.NoAnswer, o => o.TimeAcceleration = 100);
        var client = TwilioClients.For(server);
        var call = await CreateAsync(client, "+15550200001", timeout: 600);
        await Eventually.TrueAsync(() => receiver.For(call.Sid, "/status").Any(c => c["CallStatus"] == "ringing"), "the ringing callback");

        var updated = await CallResource.UpdateAsync(call.Sid, status: CallResource.UpdateStatusEnum.Canceled, client: client);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(CallResource.StatusEnum.Canceled, updated.Status);
        Assert.Equal(["initiated", "ringing", "canceled"], callbacks.Select(c => c["CallStatus"]));
        Assert.Equal("487", callbacks[^1]["SipResponseCode"]);
        await Eventually.TrueAsync(() => server.LiveCalls == 0, "the call to stop counting as live");
        Assert.NotNull(Assert.Single(server.Calls).EndedAt);
    }

    [Fact]
    public async Task UpdateAsync_CompleteInProgressCall_HangsUpWithCompletedCallback()
    {
        await using var server = await TestSimulator.StartWithRuleAsync(
            "+15550200002",
            SimulatedOutcome.Human,
            o => o.TalkSeconds = new DurationRange { Min = 20_000, Max = 20_000 });
        var client = TwilioClients.For(server);
        var call = await CreateAsync(client, "+15550200002");
        await Eventually.TrueAsync(() => receiver.For(call.Sid, "/status").Any(c => c["CallStatus"] == "in-progress"), "the answered callback");

        var updated = await CallResource.UpdateAsync(call.Sid, status: CallResource.UpdateStatusEnum.Completed, client: client);
        var callbacks = await receiver.WaitForTerminalCallbackAsync(call.Sid);

        Assert.Equal(CallResource.StatusEnum.Completed, updated.Status);
        Assert.NotNull(updated.EndTime);
        Assert.Equal(["initiated", "ringing", "in-progress", "completed"], callbacks.Select(c => c["CallStatus"]));
        Assert.True(int.Parse(callbacks[^1]["CallDuration"], System.Globalization.CultureInfo.InvariantCulture) < 20_000);
    }

    [Fact]
    public async Task UpdateAsync_CancelInProgressCall_LeavesItInProgress()
    {
        await using var server = await TestSimulator.StartWithRuleAsync(
            "+15550200003",
            SimulatedOutcome.Human,
            o => o.TalkSeconds = new DurationRange { Min = 20_000, Max = 20_000 });
        var client = TwilioClients.For(server);
        var call = await CreateAsync(client, "+15550200003");
        await Eventually.TrueAsync(() => receiver.For(call.Sid, "/status").Any(c => c["CallStatus"] == "in-progress"), "the answered callback");

        var updated = await CallResource.UpdateAsync(call.Sid, status: CallResource.UpdateStatusEnum.Canceled, client: client);

        Assert.Equal(CallResource.StatusEnum.InProgress, updated.Status);
        Assert.Equal(1, server.LiveCalls);
    }

    [Fact]
    public async Task UpdateAsync_EndedCall_ThrowsApiException21220()
    {
        await using var server = await TestSimulator.StartWithRuleAsync("+15550200004", SimulatedOutcome.Busy);
        var client = TwilioClients.For(server);
        var call = await CreateAsync(client, "+15550200004");
        await receiver.WaitForTerminalCallbackAsync(call.Sid);

        var exception = await Assert.ThrowsAsync<ApiException>(
            () => CallResource.UpdateAsync(call.Sid, status: CallResource.UpdateStatusEnum.Completed, client: client));

        Assert.Equal(21220, exception.Code);
        Assert.Equal(400, exception.Status);
    }

    [Fact]
    public async Task UpdateAsync_UnknownCall_ThrowsApiException20404()
    {
        await using var server = await TestSimulator.StartAsync();

        var exception = await Assert.ThrowsAsync<ApiException>(() => CallResource.UpdateAsync(
            "CA00000000000000000000000000000000",
            status: CallResource.UpdateStatusEnum.Canceled,
            client: TwilioClients.For(server)));

        Assert.Equal(20404, exception.Code);
        Assert.Equal(404, exception.Status);
    }

    private Task<CallResource> CreateAsync(Twilio.Clients.ITwilioRestClient client, string to, int? timeout = null) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = receiver.Url("/answer"),
                StatusCallback = receiver.Url("/status"),
                StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
                Timeout = timeout,
            },
            client);
}
