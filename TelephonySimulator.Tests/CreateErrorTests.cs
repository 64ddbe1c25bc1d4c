using TelephonySimulator.Tests.Infrastructure;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed class CreateErrorTests
{
    [Theory]
    [InlineData(21211)]
    [InlineData(21214)]
    [InlineData(21215)]
    [InlineData(21216)]
    [InlineData(21217)]
    public async Task CreateAsync_ToRuleWithErrorCode_ThrowsThatCodeAndCreatesNoCall(int code)
    {
        await using var server = await TestSimulator.StartAsync(o =>
            o.NumberRules.Add(new NumberRule { Pattern = "+15551100001", ErrorCode = code }));

        var exception = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(TwilioClients.For(server), "+15551100001"));

        Assert.Equal(code, exception.Code);
        Assert.Equal(400, exception.Status);
        Assert.Equal($"https://www.twilio.com/docs/errors/{code}", exception.MoreInfo);
        Assert.Empty(server.Calls);
        var attempt = Assert.Single(server.DialAttempts);
        Assert.Equal((400, code, null), (attempt.HttpStatus, attempt.ErrorCode, attempt.CallSid));
        Assert.Equal("+15551100001", attempt.To);
    }

    [Theory]
    [InlineData(21210, 400)]
    [InlineData(21212, 400)]
    [InlineData(20003, 401)]
    public async Task CreateAsync_FromRuleWithErrorCode_RefusesEveryNumberFromThatCallerId(int code, int expectedStatus)
    {
        await using var server = await TestSimulator.StartAsync(o =>
            o.NumberRules.Add(new NumberRule { Pattern = TestSimulator.CallerId, Target = NumberRuleTarget.From, ErrorCode = code }));
        var client = TwilioClients.For(server);

        var first = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15551100002"));
        var second = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15551100003"));

        Assert.Equal([code, code], new[] { first.Code, second.Code });
        Assert.Equal(expectedStatus, first.Status);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task CreateAsync_FromRuleForOtherCallerId_CreatesCall()
    {
        await using var server = await TestSimulator.StartAsync(o =>
            o.NumberRules.Add(new NumberRule { Pattern = "+15559999999", Target = NumberRuleTarget.From, ErrorCode = 21210 }));

        var call = await CreateAsync(TwilioClients.For(server), "+15551100004");

        Assert.Equal(CallResource.StatusEnum.Queued, call.Status);
    }

    [Fact]
    public async Task CreateAsync_RuleWithHttpStatus_UsesThatStatus()
    {
        await using var server = await TestSimulator.StartAsync(o =>
            o.NumberRules.Add(new NumberRule { Pattern = "+1555110*", ErrorCode = 20503, HttpStatus = 503 }));

        var exception = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(TwilioClients.For(server), "+15551100005"));

        Assert.Equal((20503, 503), (exception.Code, exception.Status));
    }

    [Fact]
    public async Task CreateCall_RuleRefusal_RawBodyHasTwiliosErrorShape()
    {
        await using var server = await TestSimulator.StartAsync(o =>
            o.NumberRules.Add(new NumberRule { Pattern = "+15551100006", ErrorCode = 21215 }));
        using var http = CreateCallTests.RawClient(server);

        using var response = await http.PostAsync(
            $"2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls.json",
            new FormUrlEncodedContent([new("To", "+15551100006"), new("From", TestSimulator.CallerId), new("Url", "http://127.0.0.1:9/answer")]));
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["code", "message", "more_info", "status"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(21215, body.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("+15551100006", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateErrors_ProbabilityOne_RefusesEveryUnruledNumberButNotRuledOnes()
    {
        await using var server = await TestSimulator.StartAsync(o =>
        {
            o.CreateErrors = [new CreateErrorRate { Code = 21214, Probability = 1 }];
            o.NumberRules.Add(new NumberRule { Pattern = "+15551200000", Outcome = SimulatedOutcome.Busy });
        });
        var client = TwilioClients.For(server);

        var refused = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client, "+15551200001"));
        var ruled = await CreateAsync(client, "+15551200000");

        Assert.Equal(21214, refused.Code);
        Assert.Equal(ruled.Sid, Assert.Single(server.Calls).Sid);
    }

    [Fact]
    public async Task CreateErrors_SameSeed_RefuseTheSameAttemptsWhateverTheOrder()
    {
        static void Mix(SimulatorOptions o) => o.CreateErrors =
        [
            new CreateErrorRate { Code = 21214, Probability = 0.3 },
            new CreateErrorRate { Code = 20500, Probability = 0.2 },
        ];
        await using var forward = await TestSimulator.StartAsync(Mix);
        await using var backward = await TestSimulator.StartAsync(Mix);
        string[] numbers = [.. Enumerable.Range(0, 20).Select(i => $"+1555130{i:D4}")];

        foreach (var number in numbers.Concat(numbers))
        {
            await TryCreateAsync(TwilioClients.For(forward), number);
        }

        foreach (var number in numbers.Reverse().Concat(numbers.Reverse()))
        {
            await TryCreateAsync(TwilioClients.For(backward), number);
        }

        var outcomes = ResultsByAttempt(forward);
        Assert.Equal(outcomes, ResultsByAttempt(backward));
        Assert.Contains(outcomes, o => o.EndsWith(":21214", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.EndsWith(":20500", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.EndsWith(":created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateErrors_Drawn500_RetryOfTheSameNumberCanSucceed()
    {
        await using var server = await TestSimulator.StartAsync(o => o.CreateErrors = [new CreateErrorRate { Code = 20500, Probability = 0.5 }]);
        var client = TwilioClients.For(server);

        // Some number among these is refused at first and accepted on a later attempt.
        foreach (var number in Enumerable.Range(0, 10).Select(i => $"+1555140{i:D4}"))
        {
            for (var attempt = 0; attempt < 5 && !await TryCreateAsync(client, number); attempt++)
            {
            }
        }

        Assert.Contains(
            server.DialAttempts.GroupBy(a => a.To),
            g => g.First().ErrorCode == 20500 && g.First().HttpStatus == 500 && g.Last().CallSid is not null);
    }

    private static List<string> ResultsByAttempt(SimulatorServer server) =>
        [.. server.DialAttempts
            .GroupBy(a => a.To!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select((a, attempt) => $"{g.Key}#{attempt}:{(a.ErrorCode is { } code ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "created")}"))];

    private static async Task<bool> TryCreateAsync(ITwilioRestClient client, string to)
    {
        try
        {
            await CreateAsync(client, to);
            return true;
        }
        catch (ApiException)
        {
            return false;
        }
    }

    private static Task<CallResource> CreateAsync(ITwilioRestClient client, string to) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber(to), new PhoneNumber(TestSimulator.CallerId)) { Twiml = new Twiml("<Response/>") },
            client);
}
