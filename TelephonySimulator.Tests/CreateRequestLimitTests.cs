using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class CreateRequestLimitTests
{
    [Fact]
    public async Task CreateAsync_MoreThanLimitInFlight_RefusesTheRestWith429And20429()
    {
        await using var server = await TestSimulator.StartAsync(o => o.MaxConcurrentCreateRequests = 2);
        using var release = new CancellationTokenSource();
        var held = new[] { HoldCreateAsync(server, "+15551500001", release.Token), HoldCreateAsync(server, "+15551500002", release.Token) };
        await Eventually.TrueAsync(() => server.Calls.Count == 2, "two creates to be in flight");

        var refusals = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Assert.ThrowsAsync<ApiException>(() => CreateAsync(TwilioClients.For(server), $"+155515001{i:D2}"))));
        await release.CancelAsync();
        await Task.WhenAll(held);

        Assert.All(refusals, e => Assert.Equal((429, 20429), (e.Status, e.Code)));
        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(4, server.DialAttempts.Count(a => a.HttpStatus == 429 && a.ErrorCode == 20429 && a.CallSid is null));
    }

    [Fact]
    public async Task CreateAsync_AfterTheInFlightRequestEnds_AcceptsAgain()
    {
        await using var server = await TestSimulator.StartAsync(o => o.MaxConcurrentCreateRequests = 1);
        using var release = new CancellationTokenSource();
        var held = HoldCreateAsync(server, "+15551510001", release.Token);
        await Eventually.TrueAsync(() => server.Calls.Count == 1, "the first create to be in flight");

        var refused = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(TwilioClients.For(server), "+15551510002"));
        await release.CancelAsync();
        await held;
        await Eventually.TrueAsync(() => server.DialAttempts.Count == 2, "the first create to end");
        var accepted = await CreateAsync(TwilioClients.For(server), "+15551510003");

        Assert.Equal(20429, refused.Code);
        Assert.Equal(["+15551510001", "+15551510003"], server.Calls.Select(c => c.To));
        Assert.Equal(CallResource.StatusEnum.Queued, accepted.Status);
    }

    [Fact]
    public async Task CreateAsync_LimitIsPerAccount_OtherAccountUnaffected()
    {
        const string otherSid = "AC99999999999999999999999999999999";
        await using var server = await TestSimulator.StartAsync(o =>
        {
            o.MaxConcurrentCreateRequests = 1;
            o.TwilioAccounts.Add(new SimulatedTwilioAccount { AccountSid = otherSid, AuthToken = "other-token" });
        });
        using var release = new CancellationTokenSource();
        var held = HoldCreateAsync(server, "+15551520001", release.Token);
        await Eventually.TrueAsync(() => server.Calls.Count == 1, "the first account's create to be in flight");

        var other = await CreateAsync(TwilioClients.For(server, otherSid, "other-token"), "+15551520002");
        await release.CancelAsync();
        await held;

        Assert.Equal(otherSid, other.AccountSid);
    }

    /// <summary>A create request that stays in flight (its answer delayed) until <paramref name="release"/> makes the client give up.</summary>
    private static async Task HoldCreateAsync(SimulatorServer server, string to, CancellationToken release)
    {
        server.Faults.Add(new DialFault { Action = DialFaultAction.Delay, Delay = TimeSpan.FromMinutes(1), To = to });
        using var http = CreateCallTests.RawClient(server);
        try
        {
            using var response = await http.PostAsync(
                $"2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls.json",
                new FormUrlEncodedContent([new("To", to), new("From", TestSimulator.CallerId), new("Twiml", "<Response/>")]),
                release);
        }
        catch (OperationCanceledException) when (release.IsCancellationRequested)
        {
            // Released: the request ends without an answer.
        }
    }

    private static Task<CallResource> CreateAsync(Twilio.Clients.ITwilioRestClient client, string to) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId)) { Twiml = new Twiml("<Response/>") },
            client);
}
