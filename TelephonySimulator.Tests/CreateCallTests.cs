using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

public sealed partial class CreateCallTests
{
    [Fact]
    public async Task CreateAsync_ValidRequest_ReturnsQueuedOutboundCall()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server);

        var call = await CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+14155551212"), new PhoneNumber(TestSimulator.CallerId))
            {
                Twiml = new Twiml("<Response><Say>Hi</Say></Response>"),
            },
            client);

        Assert.Matches(CallSid(), call.Sid);
        Assert.Equal(CallResource.StatusEnum.Queued, call.Status);
        Assert.Equal("outbound-api", call.Direction);
        Assert.Equal(TestSimulator.AccountSid, call.AccountSid);
        Assert.Equal("+14155551212", call.To);
        Assert.Equal("(415) 555-1212", call.ToFormatted);
        Assert.Equal(TestSimulator.CallerId, call.From);
        Assert.Equal("2010-04-01", call.ApiVersion);
        Assert.Equal("0", call.QueueTime);
        Assert.NotNull(call.DateCreated);
        Assert.Null(call.EndTime);
        Assert.Null(call.Duration);
        Assert.Equal($"/2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls/{call.Sid}.json", call.Uri);
        Assert.Equal(call.Sid, Assert.Single(server.Calls).Sid);
    }

    [Fact]
    public async Task CreateCall_RawResponse_MatchesTwilioCallSchemaExactly()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = RawClient(server);

        using var response = await http.PostAsync(
            $"2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls.json",
            new FormUrlEncodedContent([new("To", "+442071838750"), new("From", TestSimulator.CallerId), new("Url", "http://127.0.0.1:9/answer")]));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        TwilioCallSchema.AssertValid(body.RootElement);
        Assert.Equal(
            TwilioCallSchema.PropertyNames.Order(StringComparer.Ordinal),
            body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("queued", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("+442071838750", body.RootElement.GetProperty("to_formatted").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("start_time").ValueKind);
    }

    [Theory]
    [InlineData(null, "+15550100000", true, 21201)]
    [InlineData("5550100001", "+15550100000", true, 21211)]
    [InlineData("+15550100001", null, true, 21213)]
    [InlineData("+15550100001", "caller", true, 21212)]
    [InlineData("+15550100001", "+15550100000", false, 21205)]
    public async Task CreateAsync_InvalidParameter_ThrowsApiExceptionWithTwilioCode(string? to, string? from, bool withUrl, int expectedCode)
    {
        await using var server = await TestSimulator.StartAsync();
        var options = new CreateCallOptions(to is null ? null : new PhoneNumber(to), from is null ? null : new PhoneNumber(from))
        {
            Url = withUrl ? new Uri("http://127.0.0.1:9/answer") : null,
        };

        var exception = await Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(options, TwilioClients.For(server)));

        Assert.Equal(expectedCode, exception.Code);
        Assert.Equal(400, exception.Status);
        Assert.Equal($"https://www.twilio.com/docs/errors/{expectedCode}", exception.MoreInfo);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task CreateAsync_WrongAuthToken_ThrowsApiException20003With401()
    {
        await using var server = await TestSimulator.StartAsync();
        var client = TwilioClients.For(server, authToken: "not-the-token");

        var exception = await Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15550100001"), new PhoneNumber(TestSimulator.CallerId)) { Url = new Uri("http://127.0.0.1:9/a") },
            client));

        Assert.Equal(20003, exception.Code);
        Assert.Equal(401, exception.Status);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task CreateCall_NoCredentials_Returns401WithBasicChallenge()
    {
        await using var server = await TestSimulator.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        using var response = await http.PostAsync(
            $"2010-04-01/Accounts/{TestSimulator.AccountSid}/Calls.json",
            new FormUrlEncodedContent([new("To", "+15550100001"), new("From", TestSimulator.CallerId), new("Url", "http://127.0.0.1:9/a")]));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(20003, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task CreateAsync_OtherAccountInPath_ThrowsApiException20003()
    {
        await using var server = await TestSimulator.StartAsync();

        var exception = await Assert.ThrowsAsync<ApiException>(() => CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+15550100001"), new PhoneNumber(TestSimulator.CallerId))
            {
                Url = new Uri("http://127.0.0.1:9/a"),
                PathAccountSid = "AC99999999999999999999999999999999",
            },
            TwilioClients.For(server)));

        Assert.Equal(20003, exception.Code);
    }

    internal static HttpClient RawClient(SimulatorServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestSimulator.AccountSid}:{TestSimulator.AuthToken}")));
        return http;
    }

    [GeneratedRegex("^CA[0-9a-f]{32}$")]
    private static partial Regex CallSid();
}
