using System.Text.Json;
using BatchFunctions.Hosting;
using BatchFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Tests.Hosting;

public sealed class LogLevelsTests
{
    [Theory]
    [InlineData("Azure.Core")]
    [InlineData("Azure.Storage.Blobs")]
    [InlineData("Azure.Storage.Queues")]
    [InlineData("System.Net.Http.HttpClient.ElevenLabsClient.LogicalHandler")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics")]
    [InlineData("DurableTask.AzureStorage")]
    [InlineData("Microsoft.DurableTask.Client")]
    public void AddBatchCallingLevels_SdkRequestCategory_LogsWarningsOnly(string category)
    {
        var logger = LoggerFor(category);

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Theory]
    [InlineData("BatchFunctions.Functions.Http.TwilioCallStatus")]
    [InlineData("BatchFunctions.Functions.Ingestion.RecipientFileDropped")]
    public void AddBatchCallingLevels_AppCategory_LogsInformation(string category)
    {
        Assert.True(LoggerFor(category).IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void AddBatchCallingLevels_WithApplicationInsights_DropsItsWarningOnlyRule()
    {
        var services = new ServiceCollection();
        services.AddApplicationInsightsTelemetryWorkerService();
        services.AddLogging(logging => logging.AddBatchCallingLevels());

        var rules = services.BuildServiceProvider().GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;

        Assert.DoesNotContain(rules, rule => rule.ProviderName?.Contains("ApplicationInsights", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void HostJson_SdkRequestCategories_AreWarningAndTheRestInformation()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("host.json")));
        var levels = hostJson.RootElement.GetProperty("logging").GetProperty("logLevel");

        Assert.Equal("Information", levels.GetProperty("default").GetString());
        Assert.All(BatchCallingLogging.RequestChatter, category =>
            Assert.True(levels.TryGetProperty(category, out var level) && level.GetString() == "Warning", $"host.json logging.logLevel.{category} is not Warning"));
    }

    private static ILogger LoggerFor(string category)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new EnabledEverywhere()).AddBatchCallingLevels());
        return services.BuildServiceProvider().GetRequiredService<ILoggerFactory>().CreateLogger(category);
    }

    /// <summary>A provider that would take every line, so only the filter rules decide.</summary>
    private sealed class EnabledEverywhere : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
