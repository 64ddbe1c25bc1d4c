using Microsoft.Extensions.Configuration;

namespace TelephonySimulator.Hosting;

/// <summary>The standalone simulator's configuration: a JSON file, then command-line overrides.</summary>
internal static class SimulatorConfiguration
{
    public const string DefaultUrls = "http://127.0.0.1:5080";
    public const string DefaultFileName = "simulator.json";

    /// <summary>
    /// Reads <c>--config FILE</c> (relative to the current directory) or else <c>simulator.json</c> beside the binary,
    /// so <c>dotnet run</c> works from any directory; <c>--urls</c> and <c>--Simulator:Key value</c> override it.
    /// </summary>
    public static IConfigurationRoot Build(string[] args, string baseDirectory)
    {
        var commandLine = new ConfigurationBuilder().AddCommandLine(args).Build();
        var file = commandLine["config"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(baseDirectory, DefaultFileName);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The simulator configuration file {file} does not exist; pass --config FILE.", file);
        }

        return new ConfigurationBuilder().AddJsonFile(file, optional: false).AddCommandLine(args).Build();
    }

    public static SimulatorOptions BindOptions(IConfiguration configuration) =>
        configuration.GetSection(SimulatorOptions.SectionName).Get<SimulatorOptions>() ?? new SimulatorOptions();

    public static string Urls(IConfiguration configuration) =>
        configuration["urls"] is { Length: > 0 } urls ? urls : DefaultUrls;
}
