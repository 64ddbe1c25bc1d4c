using System.Net;
using System.Net.Http.Json;
using Azure;
using BatchFunctions.Api;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Tests.Api;

/// <summary>
/// What a caller gets when the app's own storage fails under its request: a 503 that says so and asks for the
/// request again, not the host's empty 500; and the request, sent again once storage answers, succeeds.
/// </summary>
public sealed class StorageFaultAnswerTests : IAsyncLifetime
{
    private readonly FailingStorage storage = new();
    private readonly RecordingLogger<StorageFaultMiddleware> log = new();
    private readonly string agentId = "agent_storage_" + Guid.NewGuid().ToString("N")[..8];
    private AppUnderTest app = null!;

    public async Task InitializeAsync()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.Agents.Add(new TelephonySimulator.SimulatedAgent { AgentId = agentId, Name = "Storage fault agent" });
        app = await AppUnderTest.StartAsync(simulator, configureServices: services =>
        {
            storage.AddTo(services);
            services.AddSingleton<ILogger<StorageFaultMiddleware>>(log);
        });
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public static TheoryData<string, string> Faults => new()
    {
        { "500", "failed (HTTP 500 InternalError)" },
        { "503", "failed (HTTP 503 ServerBusy)" },
        { "unreachable", "could not be reached" },
        { "timeout", "did not answer in time" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task StorageFailsUnderARequest_Answers503WithRetryAfter_AndTheSameRequestSucceedsOnceStorageAnswers(string fault, string said)
    {
        var batchId = await SubmitAsync();

        storage.Failure = fault switch
        {
            "500" => _ => new RequestFailedException(500, "Storage answered 500.", "InternalError", null),
            "503" => _ => new RequestFailedException(503, "Storage answered 503.", "ServerBusy", null),
            "unreachable" => _ => new RequestFailedException("Connection refused.", new HttpRequestException("Connection refused.")),
            _ => _ => new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout."),
        };
        using (var failed = await app.Http.GetAsync($"v1/convai/batch-calling/{batchId}"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            var body = await ApiApp.JsonOf(failed);
            Assert.Equal(TimeSpan.FromSeconds(StorageFaultMiddleware.RetryAfterSeconds), failed.Headers.RetryAfter?.Delta);
            Assert.Equal("storage_unavailable", body.GetProperty("detail").GetProperty("status").GetString());
            Assert.Equal(
                $"The app's storage {said} while answering; nothing in your request needs to change. Send it again in 5 seconds.",
                body.GetProperty("detail").GetProperty("message").GetString());
        }

        Assert.Contains($"GetBatch answered 503: the app's storage {said}.", log.Lines);

        storage.Failure = null;
        using var again = await app.Http.GetAsync($"v1/convai/batch-calling/{batchId}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task StorageRefusesTheAppItself_StaysAServerError_NotARetryableOne()
    {
        // A 403 means the app's storage credentials are wrong: sending the request again cannot help.
        var batchId = await SubmitAsync();
        storage.Failure = _ => new RequestFailedException(403, "Server failed to authenticate the request.", "AuthenticationFailed", null);

        using var refused = await app.Http.GetAsync($"v1/convai/batch-calling/{batchId}");

        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Null(refused.Headers.RetryAfter);
    }

    private async Task<string> SubmitAsync()
    {
        storage.Failure = null;
        var submit = new
        {
            call_name = "Storage fault",
            agent_id = agentId,
            agent_phone_number_id = AppUnderTest.PhoneNumberId,
            recipients = new[] { new { phone_number = "+14155550101" } },
        };
        using var response = await app.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", submit);
        var body = await ApiApp.JsonOf(response);
        Assert.True(response.IsSuccessStatusCode, body.GetRawText());
        return body.GetProperty("id").GetString()!;
    }
}
