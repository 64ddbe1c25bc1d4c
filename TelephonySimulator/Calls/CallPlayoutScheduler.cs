using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.Logging;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Calls;

/// <summary>Runs each call's playout in the background and stops them all when the simulator shuts down.</summary>
internal sealed class CallPlayoutScheduler(
    SimulatorOptions options,
    TwilioWebhookClient webhooks,
    TwilioAccountDirectory accounts,
    CallRegistry registry,
    ConversationTracker conversations,
    PostCallWebhookSender postCallWebhooks,
    TimeProvider time,
    ILogger<CallPlayoutScheduler> logger) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);

    public void Start(CallState call)
    {
        var playout = new CallPlayout(call, options, webhooks, accounts, registry, conversations, postCallWebhooks, time, logger);

        // The playout waits until it is registered, so its own removal can never come before the registration.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running[call.Sid] = Task.Run(async () =>
        {
            await registered.Task;
            await RunAsync(call, playout);
        });
        registered.SetResult();
    }

    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        await Task.WhenAll(running.Values);
    }

    public void Dispose() => stopping.Dispose();

    private async Task RunAsync(CallState call, CallPlayout playout)
    {
        try
        {
            await playout.RunAsync(stopping.Token);
        }
#pragma warning disable CA1031 // A bug in one call's playout must not take the simulator down; it is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Log.PlayoutFailed(logger, exception, call.Sid);
            registry.MarkEnded(call);
        }
        finally
        {
            running.TryRemove(call.Sid, out _);
        }
    }
}
