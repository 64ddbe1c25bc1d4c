using Microsoft.Extensions.Logging;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Keeps every line logged at Information or above, formatted, for tests about what an operator reads.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            lock (lines)
            {
                lines.Add(formatter(state, exception));
            }
        }
    }
}
