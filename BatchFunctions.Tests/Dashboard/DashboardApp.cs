using System.Net.Http.Json;
using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Playwright;
using TelephonySimulator;

namespace BatchFunctions.Tests.Dashboard;

/// <summary>
/// The app on real parts with an agent of its own (the default of the create form, so listings show only
/// these tests' batches), calls to <see cref="BusyPrefix"/> numbers answered busy, and Debian's Chromium
/// driven by Playwright. Playwright's own browser downloads are never used: <see cref="ChromiumPath"/>.
/// </summary>
public sealed class DashboardApp : IAsyncLifetime
{
    /// <summary>Numbers starting with this are busy, so their recipients fail.</summary>
    public const string BusyPrefix = "+1415555099";

    /// <summary>Numbers starting with this are answered by a machine.</summary>
    public const string MachinePrefix = "+1415555098";

    private IPlaywright? playwright;
    private Task<string>? finishedBatch;

    public string AgentId { get; } = "agent_dash_" + Guid.NewGuid().ToString("N")[..8];

    public AppUnderTest App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri DashboardUrl => new(App.BaseUrl, "dashboard/");

    /// <summary>Where the browser tests leave their screenshots: git-ignored, kept after the run.</summary>
    public static string ScreenshotFolder { get; } = RepositoryRoot.Combine("artifacts", "screenshots");

    /// <summary>CHROMIUM_PATH, else Debian's package (which .ci/run installs).</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.Agents.Add(new SimulatedAgent { AgentId = AgentId, Name = "Dashboard agent", AllowedOverrides = ["first_message"] });
        simulator.NumberRules =
        [
            new NumberRule { Pattern = BusyPrefix + "*", Outcome = SimulatedOutcome.Busy },
            new NumberRule { Pattern = MachinePrefix + "*", Outcome = SimulatedOutcome.Voicemail },
        ];
        simulator.PostCallWebhookSecret = AppUnderTest.WebhookSecret;
        simulator.ConversationScripts.AddRange(FinishedBatchScripts);
        App = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?> { ["Batch:DefaultAgentId"] = AgentId });

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"No Chromium at {ChromiumPath}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH.");
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser profile (no key stored), with a fixed locale and zone so dates read the same everywhere.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);

        // Expectations wait up to 15 s rather than Playwright's 5: on a loaded two-core machine the file check behind
        // "#valid-count" took longer than 5 s (twice on 5 Dec 2026). Still a wait for the text, never a pass without it.
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Numbers of <see cref="FinishedBatchAsync"/>, in order: the second and fourth are busy.</summary>
    public static IReadOnlyList<string> FinishedBatchNumbers { get; } =
        ["+14155550701", BusyPrefix + "1", "+14155550702", BusyPrefix + "2", "+14155550703"];

    /// <summary>What the answered calls of <see cref="FinishedBatchAsync"/> say and collect.</summary>
    public static IReadOnlyList<ConversationScript> FinishedBatchScripts { get; } =
    [
        Script("+14155550701", "success", "gold", "Ann upgrades to gold and wants a call on Friday.", hasAudio: true),
        Script("+14155550702", "success", "gold", "Di upgrades to gold.", hasAudio: false),
        Script("+14155550703", "failure", "silver", "Flo keeps silver and is not interested.", hasAudio: false),
    ];

    private static ConversationScript Script(string number, string verdict, string plan, string summary, bool hasAudio) => new()
    {
        Pattern = number,
        Summary = summary,
        CallSuccessful = verdict,
        HasAudio = hasAudio,
        DataCollection = new Dictionary<string, string> { ["plan"] = plan },
        Evaluation = [new ScriptedCriterion { Id = "interested", Result = verdict, Rationale = verdict == "success" ? "Agreed to upgrade." : "Declined." }],
        Transcript =
        [
            new ScriptedTurn { Role = "agent", Message = "Hello, would you like to upgrade your plan?", TimeInCallSecs = 0.5 },
            new ScriptedTurn { Role = "user", Message = plan == "gold" ? "Yes, gold please." : "No, thanks.", TimeInCallSecs = 4 },
            new ScriptedTurn { Role = "agent", Message = "Thank you, goodbye.", TimeInCallSecs = 7 },
        ],
    };

    /// <summary>A batch of <see cref="FinishedBatchNumbers"/>, run to completion once for the tests that read one.</summary>
    public Task<string> FinishedBatchAsync() => finishedBatch ??= RunAsync();

    private async Task<string> RunAsync()
    {
        var id = await SubmitAsync("Finished batch", FinishedBatchNumbers);
        await App.WaitForStatusAsync(id, "completed", TimeSpan.FromSeconds(90));
        return id;
    }

    public async Task<string> SubmitAsync(string name, IEnumerable<string> numbers)
    {
        using var response = await App.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", new
        {
            call_name = name,
            agent_id = AgentId,
            agent_phone_number_id = AppUnderTest.PhoneNumberId,
            recipients = numbers.Select(n => new { phone_number = n }).ToArray(),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await App.DisposeAsync();
    }
}
