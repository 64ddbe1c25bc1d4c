using Azure;
using Azure.Core;
using BatchFunctions.Functions.Http;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TelephonySimulator.TwilioApi;

namespace BatchFunctions.Tests.Engine;

/// <summary>
/// The answer webhook when the app's storage fails under it. Once ElevenLabs has the call, nothing the app fails
/// to write may cost the person who answered their agent; before that, the caller hears the apology and the
/// recipient's failure says storage, not ElevenLabs.
/// </summary>
public sealed class AnswerStorageFaultTests
{
    [Fact]
    public async Task ConversationIndexWriteTimesOut_AnsweredCallsStillReachTheAgent()
    {
        var storage = new FailingStorage
        {
            // The index write of each conversation (the webhook's way to its recipient); a timeout is an OperationCanceledException.
            Failure = request => request.Method != RequestMethod.Get && request.Uri.Path.Contains("/Conversations(", StringComparison.Ordinal)
                ? new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout.")
                : null,
        };
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions(), configureServices: storage.AddTo);
        var numbers = BatchDriver.Numbers(3);

        var batchId = await app.LaunchAsync(numbers);
        var batch = await app.WaitForStatusAsync(batchId, "completed");

        var recipients = batch.RecipientsByNumber();
        Assert.All(numbers, n => Assert.Equal(
            ("completed", null),
            (recipients[n].GetProperty("status").GetString(), recipients[n].GetProperty("failure_reason").GetString())));
        Assert.Equal(numbers.Order(), app.Simulator.Conversations.Select(c => c.ToNumber).Order());
    }

    [Theory]
    [InlineData("503", "failed (HTTP 503 ServerBusy)")]
    [InlineData("timeout", "did not answer in time")]
    public async Task RecipientReadFails_CallerHearsTheApology_AndTheReasonSaysStorage(string fault, string said)
    {
        var storage = new FailingStorage();
        var log = new RecordingLogger<TwilioAnswer>();
        await using var app = await AppUnderTest.StartAsync(AppUnderTest.DefaultSimulatorOptions(), configureServices: services =>
        {
            storage.AddTo(services);
            services.AddSingleton<ILogger<TwilioAnswer>>(log);
        });
        var batchId = await app.LaunchAsync(BatchDriver.Numbers(1));
        await app.WaitForStatusAsync(batchId, "completed");

        // Twilio asks again for attempt 1's TwiML while storage fails the recipient's read.
        storage.Failure = request => request.Uri.Path.Contains("/Recipients", StringComparison.Ordinal)
            ? fault == "503" ? new RequestFailedException(503, "Storage answered 503.", "ServerBusy", null) : new TaskCanceledException("Timed out.")
            : null;
        var url = new Uri(app.BaseUrl, $"twilio/answer?batch_id={batchId}&recipient=0&attempt=1");
        var form = new Dictionary<string, string> { ["AccountSid"] = AppUnderTest.AccountSid, ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"), ["CallStatus"] = "in-progress" };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AppUnderTest.AuthToken, url.AbsoluteUri, form));
        using var response = await app.Http.SendAsync(request);

        var twiml = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {twiml}");
        Assert.Contains("Sorry, we cannot take this call right now.", twiml);
        var line = Assert.Single(log.Lines, l => l.Contains("could not reach the agent", StringComparison.Ordinal));
        Assert.Contains($"The app's storage {said} while reading the recipient", line);
        Assert.DoesNotContain("ElevenLabs", line);
    }
}
