using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TelephonySimulator.Calls;
using TelephonySimulator.Dialing;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.Hosting;

namespace TelephonySimulator;

/// <summary>
/// A running simulator of Twilio's call API and ElevenLabs' agent API on a loopback HTTP address. Used in-process by
/// tests and, through <c>Program</c>, as the standalone rehearsal process: both start it here.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CallRegistry registry;
    private readonly ConversationLog conversations;
    private readonly CallPlayoutScheduler scheduler;
    private readonly DialAttemptLog dialAttempts;
    private readonly PostCallWebhookSender postCallWebhooks;
    private int disposed;

    private SimulatorServer(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        registry = app.Services.GetRequiredService<CallRegistry>();
        conversations = app.Services.GetRequiredService<ConversationLog>();
        scheduler = app.Services.GetRequiredService<CallPlayoutScheduler>();
        dialAttempts = app.Services.GetRequiredService<DialAttemptLog>();
        postCallWebhooks = app.Services.GetRequiredService<PostCallWebhookSender>();
        Faults = app.Services.GetRequiredService<SimulatorFaults>();
    }

    /// <summary>The address actually bound, e.g. <c>http://127.0.0.1:41234/</c> when started on port 0.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// A snapshot of the dial log, in creation order: every call that exists, placed through Twilio's REST API or by
    /// ElevenLabs (see <see cref="SimulatedCall.Channel"/>), including calls whose create response was dropped.
    /// </summary>
    public IReadOnlyList<SimulatedCall> Calls => [.. registry.All().Select(call => call.Snapshot().ToSimulatedCall())];

    /// <summary>Calls created and not yet ended (their terminal callback sent, or ended when there is no callback).</summary>
    public int LiveCalls => registry.LiveCalls;

    /// <summary>The most calls that were live at once.</summary>
    public int PeakLiveCalls => registry.PeakLiveCalls;

    /// <summary>
    /// Every dial request received, in the order they were answered: Twilio create-call and ElevenLabs outbound-call
    /// requests, including those refused (credentials, number rules, drawn errors, the concurrent-request limit),
    /// failed or dropped by an injected fault. Calls the application made without a call resulting show up only here.
    /// </summary>
    public IReadOnlyList<SimulatedDialAttempt> DialAttempts => dialAttempts.All();

    /// <summary>
    /// Conversations registered through <c>POST /v1/convai/twilio/register-call</c> or created by an outbound-call
    /// request, in order, with their current status.
    /// </summary>
    public IReadOnlyList<SimulatedConversation> Conversations => conversations.All();

    /// <summary>Every post-call webhook delivery sent so far, in order, with the receiver's answer.</summary>
    public IReadOnlyList<SimulatedPostCallWebhook> PostCallWebhooks => postCallWebhooks.All();

    /// <summary>Faults to inject into the next dial requests, and latency for all of them; see <see cref="SimulatorFaults"/>.</summary>
    public SimulatorFaults Faults { get; }

    /// <summary>Validates <paramref name="options"/>, binds <paramref name="url"/> and starts serving.</summary>
    /// <param name="options">The simulator's configuration; invalid settings throw an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming their keys.</param>
    /// <param name="url">The address to listen on; port 0 picks a free port (see <see cref="BaseUrl"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<SimulatorServer> StartAsync(
        SimulatorOptions options,
        string url = "http://127.0.0.1:0",
        CancellationToken cancellationToken = default) =>
        StartAsync(options, url, configureLogging: null, cancellationToken);

    /// <summary>The one wiring path, shared by tests and the standalone process (which adds console logging).</summary>
    internal static async Task<SimulatorServer> StartAsync(
        SimulatorOptions options,
        string url,
        Action<ILoggingBuilder>? configureLogging,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        SimulatorOptionsValidator.ThrowIfInvalid(options);

        // The empty builder reads no appsettings.json, environment or command line: in a test process those belong
        // to someone else, and a stray Kestrel endpoint or URL setting there must not move the simulator.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelCore().UseUrls(url);
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddTelephonySimulator(options);

        var app = builder.Build();
        app.MapTelephonySimulator();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new SimulatorServer(app, new Uri(addresses.First()));
    }

    /// <summary>Stops every call's playout (no further callbacks), then the HTTP server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await scheduler.StopAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
