using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;
using TelephonySimulator;

namespace BatchFunctions.Tests.EndToEnd;

/// <summary>README's first example, followed literally: its list and its curl upload, at an hour the default window is closed.</summary>
public sealed class ReadmeFirstExampleTests
{
    private const string ReadmeBaseUrl = "http://localhost:7071/";

    [Fact]
    public async Task CurlUpload_AsTheReadmeWritesIt_At0523Pacific_CallsEveryRecipient()
    {
        // 05:23 in Los Angeles, where the example's +1 415 numbers are: the default 08:00-21:00 window is shut.
        var start = new DateTimeOffset(2026, 12, 1, 5, 23, 0, TimeSpan.FromHours(-8));
        var simulator = AppUnderTest.DefaultSimulatorOptions();
        simulator.Agents.Add(new SimulatedAgent { AgentId = "agent_demo", Name = "Demo agent" });
        simulator.PhoneNumbers.Add(new SimulatedPhoneNumber { PhoneNumberId = "phnum_demo", PhoneNumber = "+14155550100", Provider = "twilio", Label = "Demo line" });
        await using var app = await AppUnderTest.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Batch:DefaultCallingWindow"] = "08:00-21:00",
            ["Rehearsal:ClockStart"] = start.ToString("O", CultureInfo.InvariantCulture),
        });
        var folder = Directory.CreateTempSubdirectory("readme-example-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "list.csv"), ReadmeList());

            var (exitCode, output) = await ShAsync(ReadmeUpload().Replace(ReadmeBaseUrl, app.BaseUrl.AbsoluteUri, StringComparison.Ordinal), folder.FullName);

            Assert.True(exitCode == 0, output);
            var batchId = JsonDocument.Parse(output).RootElement.GetProperty("batch").GetProperty("id").GetString()!;
            await app.WaitForCallsAsync(3, TimeSpan.FromSeconds(60));
            Assert.Equal(["+14155550101", "+14155550103", "+14155550104"], app.Simulator.Calls.Select(c => c.To).Order(StringComparer.Ordinal));
            Assert.StartsWith("btcal_", batchId, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The CSV the README's heredoc writes.</summary>
    private static string ReadmeList()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        const string open = "cat > list.csv <<'CSV'\n";
        var start = readme.IndexOf(open, StringComparison.Ordinal) + open.Length;
        return readme[start..(readme.IndexOf("\nCSV\n", start, StringComparison.Ordinal) + 1)];
    }

    /// <summary>The README's first shell block that uploads through the API.</summary>
    private static string ReadmeUpload()
    {
        var blocks = File.ReadAllText(RepositoryRoot.Combine("README.md")).Split("```");
        var upload = blocks.Where((_, i) => i % 2 == 1).First(b => b.StartsWith("sh\n", StringComparison.Ordinal) && b.Contains("api/batch-calling/upload", StringComparison.Ordinal));
        Assert.Contains(ReadmeBaseUrl, upload, StringComparison.Ordinal);
        return upload["sh\n".Length..];
    }

    private static async Task<(int ExitCode, string Output)> ShAsync(string script, string folder)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["KEY"] = AppUnderTest.ApiKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, process.ExitCode == 0 ? await output : await output + await errors);
    }
}
