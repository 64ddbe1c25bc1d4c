using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TelephonySimulator.Hosting;
using TelephonySimulator.Logging;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// Posts <c>post_call_transcription</c> webhooks once a conversation is analysed, signed as ElevenLabs signs them, with
/// the faults its number's script asks for (late, lost, duplicated). Deliveries are kept for inspection.
/// </summary>
internal sealed class PostCallWebhookSender : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(15) };
    private readonly Lock gate = new();
    private readonly List<SimulatedPostCallWebhook> sent = [];
    private readonly ConversationLog log;
    private readonly SimulatorOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<PostCallWebhookSender> logger;

    public PostCallWebhookSender(ConversationLog log, SimulatorOptions options, TimeProvider time, ILogger<PostCallWebhookSender> logger)
    {
        this.log = log;
        this.options = options;
        this.time = time;
        this.logger = logger;
        http.DefaultRequestHeaders.UserAgent.ParseAdd("ElevenLabs-Webhooks/1.0");
    }

    public IReadOnlyList<SimulatedPostCallWebhook> All()
    {
        lock (gate)
        {
            return [.. sent];
        }
    }

    public async Task DeliverAsync(string conversationId, CancellationToken stopping)
    {
        if (string.IsNullOrEmpty(options.PostCallWebhookUrl) || log.Find(conversationId) is not { } conversation)
        {
            return;
        }

        var fault = conversation.Outcome == SimulatedOutcome.Human
            ? ConversationContent.ScriptFor(options, conversation.ToNumber) is { } script ? script : null
            : null;
        switch (fault?.Webhook ?? PostCallWebhookFault.None)
        {
            case PostCallWebhookFault.Lost:
                return;
            case PostCallWebhookFault.Late:
                await Task.Delay(TimeSpan.FromSeconds(fault!.WebhookDelaySeconds / options.TimeAcceleration), time, stopping);
                await SendAsync(conversation, repeated: false, stopping);
                break;
            case PostCallWebhookFault.Duplicated:
                await SendAsync(conversation, repeated: false, stopping);
                await Task.Delay(TimeSpan.FromSeconds(1 / options.TimeAcceleration), time, stopping);
                await SendAsync(conversation, repeated: true, stopping);
                break;
            default:
                await SendAsync(conversation, repeated: false, stopping);
                break;
        }
    }

    public void Dispose() => http.Dispose();

    private async Task SendAsync(SimulatedConversation conversation, bool repeated, CancellationToken stopping)
    {
        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(
            new PostCallWebhookEvent("post_call_transcription", now.ToUnixTimeSeconds(), ConversationResponse.From(conversation, options)),
            SimulatorJson.Options);
        var signature = PostCallSignature.Compute(options.PostCallWebhookSecret, now.ToUnixTimeSeconds(), body);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.PostCallWebhookUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation(PostCallSignature.HeaderName, signature);
        var status = 0;
        try
        {
            using var response = await http.SendAsync(request, stopping);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException exception)
        {
            Log.WebhookFailed(logger, options.PostCallWebhookUrl!, exception.Message);
        }
        catch (TaskCanceledException exception) when (!stopping.IsCancellationRequested)
        {
            Log.WebhookFailed(logger, options.PostCallWebhookUrl!, exception.Message);
        }

        lock (gate)
        {
            sent.Add(new SimulatedPostCallWebhook(conversation.ConversationId, status, repeated, now, body, signature));
        }
    }
}
