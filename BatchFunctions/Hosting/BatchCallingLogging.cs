using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;

namespace BatchFunctions.Hosting;

/// <summary>
/// The worker's log levels. host.json's logging.logLevel filters the Functions host's logs only; the
/// isolated worker is a process of its own with its own filters, set here. Both keep the same SDK
/// categories at Warning (a test checks host.json against <see cref="RequestChatter"/>).
/// </summary>
public static class BatchCallingLogging
{
    /// <summary>The app's own categories (namespaces): batch, call and ingestion events.</summary>
    public const string AppCategory = "BatchFunctions";

    /// <summary>
    /// SDK categories that log every storage or HTTP request at Information: with them on, one small batch
    /// wrote ~100,000 lines in ten minutes. Prefixes, as logging rules match them.
    /// </summary>
    public static IReadOnlyList<string> RequestChatter { get; } =
    [
        "Azure.Core",
        "Azure.Storage",
        "Azure.Data.Tables",
        "System.Net.Http.HttpClient",
        "Microsoft.AspNetCore",
        "DurableTask",
        "Microsoft.DurableTask",
    ];

    public static ILoggingBuilder AddBatchCallingLevels(this ILoggingBuilder logging)
    {
        foreach (var category in RequestChatter)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        logging.AddFilter(AppCategory, LogLevel.Information);

        // Application Insights adds a Warning-only rule for its own provider, which would keep every
        // Information line of the app out of it; the rules above decide instead.
        logging.Services.Configure<LoggerFilterOptions>(options =>
            options.Rules.Remove(options.Rules.FirstOrDefault(rule => rule.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName)!));
        return logging;
    }
}
