using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator.TwilioApi;

namespace BatchFunctions.Tests.Functions;

public sealed class TwilioWebhookSecurityTests
{
    [Fact]
    public async Task StatusCallback_ForgedSignature_Refused403AndCallUnchanged()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var batchId = "btcal_" + Guid.NewGuid().ToString("N")[..24];
        var url = new Uri(app.BaseUrl, $"twilio/status?batch_id={batchId}&recipient=0&attempt=1");
        var forged = Callback("busy", sequence: 5);
        var genuine = Callback("completed", sequence: 3);

        using var forgedResponse = await PostAsync(url, forged, signingToken: "not-the-auth-token");
        using var unsignedResponse = await PostAsync(url, forged, signingToken: null);
        using var genuineResponse = await PostAsync(url, genuine, signingToken: AppUnderTest.AuthToken);

        Assert.Equal(403, (int)forgedResponse.StatusCode);
        Assert.Equal(403, (int)unsignedResponse.StatusCode);
        Assert.Equal(204, (int)genuineResponse.StatusCode);
        var call = await Eventually.ValueAsync(async () =>
            (await app.Durable.Client.Entities.GetEntityAsync<CallState>(CallEntity.IdFor(batchId, 0)))?.State);
        // Had the forged "busy" (sequence 5) been applied, the genuine "completed" (sequence 3) would have been ignored.
        Assert.Equal((RecipientStatus.Completed, 3, (FailureReason?)null), (call.Status, call.LastSequenceNumber, call.FailureReason));
    }

    [Fact]
    public async Task StatusCallback_SignedByTheOfficialTwilioNodeLibrary_Accepted()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var batchId = "btcal_" + Guid.NewGuid().ToString("N")[..24];
        var url = new Uri(app.BaseUrl, $"twilio/status?batch_id={batchId}&recipient=2&attempt=1");
        var form = Callback("no-answer", sequence: 2);

        var signature = (await Node.OutputOfAsync("BatchFunctions.Tests/Signatures/sign-with-twilio-sdk.mjs",
            input: System.Text.Json.JsonSerializer.Serialize(new { authToken = AppUnderTest.AuthToken, url = url.AbsoluteUri, @params = form }))).Trim();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, signature);
        using var response = await http.SendAsync(request);

        Assert.Equal(204, (int)response.StatusCode);
        var call = await Eventually.ValueAsync(async () =>
            (await app.Durable.Client.Entities.GetEntityAsync<CallState>(CallEntity.IdFor(batchId, 2)))?.State);
        Assert.Equal((RecipientStatus.Failed, FailureReason.NoAnswer), (call.Status, call.FailureReason));
    }

    [Fact]
    public async Task AnswerWebhook_ForgedSignature_Refused403()
    {
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions());
        var url = new Uri(app.BaseUrl, "twilio/answer?batch_id=btcal_x&recipient=0&attempt=1");

        using var response = await PostAsync(url, Callback("in-progress", 2), signingToken: "not-the-auth-token");

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Empty(app.Simulator.Conversations);
    }

    private static Dictionary<string, string> Callback(string status, int sequence) => new()
    {
        ["AccountSid"] = AppUnderTest.AccountSid,
        ["CallSid"] = "CA0123456789abcdef0123456789abcdef",
        ["CallStatus"] = status,
        ["SequenceNumber"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Direction"] = "outbound-api",
        ["From"] = AppUnderTest.FromNumber,
        ["To"] = "+14155551000",
        ["CallDuration"] = "30",
    };

    private static async Task<HttpResponseMessage> PostAsync(Uri url, Dictionary<string, string> form, string? signingToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (signingToken is not null)
        {
            request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(signingToken, url.AbsoluteUri, form));
        }

        return await http.SendAsync(request);
    }
}
