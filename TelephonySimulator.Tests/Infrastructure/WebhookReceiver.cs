using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Security;

namespace TelephonySimulator.Tests.Infrastructure;

/// <summary>
/// The application side of the webhooks: a real Kestrel listener on 127.0.0.1 that records every request.
/// <c>/answer</c> returns TwiML, <c>/status</c> acknowledges, <c>/error</c> answers 500 and <c>/held</c> waits for
/// <see cref="ReleaseHeld"/>.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>Connects the call to a media stream, as an agent's TwiML does, so the call talks for its planned time.</summary>
    public const string DefaultTwiml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect><Stream url=\"wss://agent.example.test/stream\" /></Connect></Response>";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Produces the answer URL's TwiML; replace it to act like the real application.</summary>
    public Func<ReceivedWebhook, Task<string>> Answer { get; set; } = _ => Task.FromResult(DefaultTwiml);

    /// <summary>Runs as each <c>/status</c> request arrives, before it is answered.</summary>
    public Action<ReceivedWebhook>? StatusReceived { get; set; }

    public IReadOnlyList<ReceivedWebhook> Requests => [.. received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Map("/answer", async context =>
        {
            var webhook = await receiver.RecordAsync(context);
            context.Response.ContentType = "text/xml";
            await context.Response.WriteAsync(await receiver.Answer(webhook));
        });
        app.Map("/status", async context =>
        {
            var webhook = await receiver.RecordAsync(context);
            receiver.StatusReceived?.Invoke(webhook);
        });
        app.Map("/error", async context =>
        {
            await receiver.RecordAsync(context);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        });
        app.Map("/held", async context =>
        {
            await receiver.RecordAsync(context);
            await receiver.held.Task;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseUrl = new Uri(address);
        return receiver;
    }

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public void ReleaseHeld() => held.TrySetResult();

    public IReadOnlyList<ReceivedWebhook> For(string callSid, string pathPrefix) =>
        [.. received.Where(w => w.Path.StartsWith(pathPrefix, StringComparison.Ordinal) && w.Parameters.GetValueOrDefault("CallSid") == callSid)];

    /// <summary>Waits for the terminal status callback of a call and returns all its status callbacks, in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForTerminalCallbackAsync(string callSid, string pathPrefix = "/status")
    {
        string[] terminal = ["completed", "busy", "no-answer", "failed", "canceled"];
        await Eventually.TrueAsync(
            () => For(callSid, pathPrefix).Any(w => terminal.Contains(w.Parameters["CallStatus"])),
            $"the terminal callback of {callSid}");
        return For(callSid, pathPrefix);
    }

    public static bool IsValidlySigned(ReceivedWebhook webhook, string authToken = TestSimulator.AuthToken) =>
        webhook.Signature is { Length: > 0 } signature
        && new RequestValidator(authToken).Validate(webhook.Url, webhook.SignedParameters.ToDictionary(), signature);

    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<ReceivedWebhook> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : [];
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        var isGet = HttpMethods.IsGet(request.Method);

        // The URL as the simulator called it, the way an application behind no proxy rebuilds it.
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}";
        var webhook = new ReceivedWebhook(
            request.Method,
            request.Path.Value ?? "",
            url,
            isGet ? query : form,
            isGet ? new Dictionary<string, string>() : form,
            request.Headers["X-Twilio-Signature"].ToString(),
            DateTimeOffset.UtcNow);
        received.Enqueue(webhook);
        return webhook;
    }
}
