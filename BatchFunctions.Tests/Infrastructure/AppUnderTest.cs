using System.Net;
using System.Net.Sockets;
using BatchFunctions.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TelephonySimulator;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// The whole app on real parts: the telephony simulator, the app's HTTP functions behind Kestrel,
/// its orchestrations, activities and entities on the Durable Task engine over Azurite, all composed
/// with the app's own <see cref="BatchCallingServiceCollectionExtensions.AddBatchCalling"/>.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token";
    public const string ElevenLabsApiKey = "test-xi-api-key";
    public const string AgentId = "agent_test";
    public const string PhoneNumberId = "phnum_test";
    public const string FromNumber = "+14155550000";

    /// <summary>The ElevenLabs workspace webhook's secret, known to the app; a simulator given it posts post-call webhooks to the app.</summary>
    public const string WebhookSecret = "wsec_test_webhook_secret";

    private readonly string taskHub;
    private readonly Func<string, ActivityRerun?>? rerun;
    private readonly List<DurableTestHost> extraWorkers = [];

    private AppUnderTest(SimulatorServer simulator, WebApplication web, DurableTestHost durable, Uri baseUrl, string taskHub, Func<string, ActivityRerun?>? rerun)
    {
        this.rerun = rerun;
        Simulator = simulator;
        Web = web;
        Durable = durable;
        BaseUrl = baseUrl;
        this.taskHub = taskHub;
        Http = new HttpClient { BaseAddress = baseUrl };
        Http.DefaultRequestHeaders.Add("xi-api-key", ApiKey);
    }

    public SimulatorServer Simulator { get; }

    public WebApplication Web { get; }

    public DurableTestHost Durable { get; private set; }

    public Uri BaseUrl { get; }

    /// <summary>Requests for which this returns true never reach the app (answered 503), like a network fault.</summary>
    public Func<Microsoft.AspNetCore.Http.HttpRequest, bool> Drop { get; set; } = _ => false;

    /// <summary>A client of the app's HTTP API, carrying a valid key.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => Web.Services;

    public static SimulatorOptions DefaultSimulatorOptions() => new()
    {
        TimeAcceleration = 200,
        Seed = 7,

        // Every app under test shares one storage account, where conversations are indexed by id.
        ConversationIdSalt = Guid.NewGuid().ToString("N"),
        TwilioAccounts = [new SimulatedTwilioAccount { AccountSid = AccountSid, AuthToken = AuthToken }],
        ElevenLabsApiKey = ElevenLabsApiKey,
        Agents = [new SimulatedAgent { AgentId = AgentId, Name = "Test agent", AllowedOverrides = ["first_message", "language"] }],
        PhoneNumbers = [new SimulatedPhoneNumber { PhoneNumberId = PhoneNumberId, PhoneNumber = FromNumber, Provider = "twilio", Label = "Test line" }],
        Outcomes = new OutcomeMix { Human = 1 },
        RingSeconds = new DurationRange { Min = 2, Max = 8 },
        TalkSeconds = new DurationRange { Min = 20, Max = 90 },
    };

    /// <param name="simulatorOptions">The telephony simulator's configuration.</param>
    /// <param name="settings">App settings added to (or replacing) <see cref="Settings"/>.</param>
    /// <param name="configureServices">
    /// Runs after <see cref="BatchCallingServiceCollectionExtensions.AddBatchCalling"/>, so a registration here
    /// replaces the app's own (e.g. storage clients with a fault-injecting pipeline policy).
    /// </param>
    /// <param name="rerun">Null, or which activity executions run twice (see <see cref="DurableTestHost.StartAsync"/>).</param>
    public static async Task<AppUnderTest> StartAsync(
        SimulatorOptions simulatorOptions,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        Func<string, ActivityRerun?>? rerun = null)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreeTcpPort()}");
        if (!string.IsNullOrEmpty(simulatorOptions.PostCallWebhookSecret))
        {
            simulatorOptions.PostCallWebhookUrl ??= new Uri(baseUrl, BatchFunctions.Functions.Http.ElevenLabsPostCallWebhook.Route).AbsoluteUri;
        }

        var simulator = await SimulatorServer.StartAsync(simulatorOptions);
        var configuration = Settings(simulator.BaseUrl, baseUrl);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl.AbsoluteUri);
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMvcCore();
        builder.Services.AddBatchCalling(builder.Configuration);
        configureServices?.Invoke(builder.Services);
        var web = builder.Build();

        var taskHub = TestStorage.NewTaskHubName();
        var durable = await DurableTestHost.StartAsync(web.Services, TestStorage.ConnectionString, taskHub, rerun);
        AppUnderTest? app = null;
        web.Use(async (context, next) =>
        {
            if (app?.Drop(context.Request) == true)
            {
                context.Response.StatusCode = 503;
                return;
            }

            await next(context);
        });
        web.MapHttpFunctions(typeof(BatchCallingServiceCollectionExtensions).Assembly, () => (app?.Durable ?? durable).Client);
        await web.StartAsync();
        app = new AppUnderTest(simulator, web, durable, baseUrl, taskHub, rerun);
        return app;
    }

    /// <summary>How many Durable workers share the task hub: the main one and those from <see cref="StartExtraWorkerAsync"/>.</summary>
    public int WorkerCount => 1 + extraWorkers.Count;

    /// <summary>Kills the Durable worker mid-flight and starts a fresh one on the same task hub, as after a crash.</summary>
    /// <param name="worker">0 for the main worker (whose client the HTTP functions use), 1.. for an extra one.</param>
    public async Task CrashAndRestartWorkerAsync(int worker = 0)
    {
        if (worker == 0)
        {
            await CrashWorkerAsync();
            await RestartWorkerAsync();
            return;
        }

        await extraWorkers[worker - 1].CrashAsync();
        extraWorkers[worker - 1] = await DurableTestHost.StartAsync(Web.Services, TestStorage.ConnectionString, taskHub, rerun);
    }

    /// <summary>Kills the main Durable worker mid-flight; the HTTP side stays up. <see cref="RestartWorkerAsync"/> brings a new one.</summary>
    public Task CrashWorkerAsync() => Durable.CrashAsync();

    /// <summary>Starts a fresh main Durable worker on the same task hub, as a host does after a crash or a deployment.</summary>
    public async Task RestartWorkerAsync() => Durable = await DurableTestHost.StartAsync(Web.Services, TestStorage.ConnectionString, taskHub, rerun);

    /// <summary>
    /// Starts one more Durable worker on the same task hub, as when the Functions host scales out: the workers
    /// compete for the hub's work items and control-queue lease. It shares this app's services (one process
    /// standing in for two), so only the engine's work distribution differs, not the app's singletons.
    /// </summary>
    public async Task StartExtraWorkerAsync() =>
        extraWorkers.Add(await DurableTestHost.StartAsync(Web.Services, TestStorage.ConnectionString, taskHub, rerun));

    /// <summary>Every setting the app needs, pointing at the simulator and at the app's own public address.</summary>
    public static Dictionary<string, string?> Settings(Uri simulatorBaseUrl, Uri publicBaseUrl) => new()
    {
        ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:ApiBaseUrl"] = simulatorBaseUrl.AbsoluteUri,
        ["ElevenLabs:ApiKey"] = ElevenLabsApiKey,
        ["ElevenLabs:BaseUrl"] = simulatorBaseUrl.AbsoluteUri,
        ["Callbacks:PublicBaseUrl"] = publicBaseUrl.AbsoluteUri,
        ["Api:Keys:0"] = ApiKey,
        ["Conversations:WebhookSecret"] = WebhookSecret,
        ["Dispatch:WorkspaceConcurrencyLimit"] = "10",
        ["Twilio:CallsPerSecond"] = "100",
        ["Batch:DefaultCallingWindow"] = "00:00-24:00",
        ["Batch:DefaultAgentId"] = AgentId,
        ["Batch:DefaultPhoneNumberId"] = PhoneNumberId,
    };

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Web.StopAsync();
        await Web.DisposeAsync();

        // Extra workers stop first: the main worker's disposal deletes the task hub they would still poll.
        foreach (var worker in extraWorkers)
        {
            await worker.StopAsync();
        }

        await Durable.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}
