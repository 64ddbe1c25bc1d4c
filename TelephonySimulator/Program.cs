using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TelephonySimulator.Hosting;

namespace TelephonySimulator;

/// <summary>
/// The standalone simulator: <c>dotnet run --project TelephonySimulator -- --urls http://127.0.0.1:5080 [--config FILE]</c>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            var configuration = SimulatorConfiguration.Build(args, AppContext.BaseDirectory);
            using var shutdown = new ShutdownSignal();
            await using var server = await SimulatorServer.StartAsync(
                SimulatorConfiguration.BindOptions(configuration),
                SimulatorConfiguration.Urls(configuration),
                ConfigureConsoleLogging,
                CancellationToken.None);
            await Console.Out.WriteLineAsync($"Telephony simulator listening on {server.BaseUrl} (Ctrl+C stops it)");
            await shutdown.Requested;
            return 0;
        }
        catch (Exception exception) when (exception is OptionsValidationException or FileNotFoundException or InvalidDataException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }
    }

    private static void ConfigureConsoleLogging(ILoggingBuilder logging) => logging
        .AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        })
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Microsoft", LogLevel.Warning);
}
