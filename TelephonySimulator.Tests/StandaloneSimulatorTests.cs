using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TelephonySimulator.Tests.Infrastructure;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace TelephonySimulator.Tests;

/// <summary>The simulator as the local demo runs it: its own process, configured by a file.</summary>
public sealed class StandaloneSimulatorTests
{
    private const string ListeningPrefix = "Telephony simulator listening on ";

    [Fact]
    public async Task Main_ConfigFile_ServesTwilioWithFaultsAndTheDialLog()
    {
        var config = Path.Combine(Path.GetTempPath(), $"simulator-{Guid.NewGuid():N}.json");
        File.Copy(SharedReference.RepositoryFile(Path.Combine("TelephonySimulator", "simulator.json")), config);
        using var process = StartSimulator("--urls", "http://127.0.0.1:0", "--config", config);
        try
        {
            var baseUrl = await ReadBaseUrlAsync(process);
            using var http = new HttpClient { BaseAddress = baseUrl };
            var server = new Uri(baseUrl.AbsoluteUri);
            var client = new Twilio.Clients.TwilioRestClient(
                "AC00000000000000000000000000000001",
                "simulator-auth-token",
                httpClient: new Twilio.Http.SystemNetHttpClient(new HttpClient(new SimulatorRedirectHandler(server))));

            (await http.PostAsJsonAsync("simulator/faults", new { action = "fail", http_status = 503 })).Dispose();
            var refused = await Assert.ThrowsAsync<ApiException>(() => CreateAsync(client));
            var call = await CreateAsync(client);
            using var calls = JsonDocument.Parse(await http.GetStringAsync("simulator/calls"));
            using var attempts = JsonDocument.Parse(await http.GetStringAsync("simulator/dial-attempts"));

            Assert.Equal(503, refused.Status);
            var logged = Assert.Single(calls.RootElement.EnumerateArray());
            Assert.Equal((call.Sid, "twilio", "busy"), (
                logged.GetProperty("sid").GetString(),
                logged.GetProperty("channel").GetString(),
                logged.GetProperty("outcome").GetString()));
            Assert.Equal(["fail", null], attempts.RootElement.EnumerateArray().Select(a => a.GetProperty("fault").GetString()));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            File.Delete(config);
        }
    }

    [Fact]
    public async Task Main_MissingConfigFile_ExitsWith2NamingTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");
        using var process = StartSimulator("--urls", "http://127.0.0.1:0", "--config", missing);

        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    private static Process StartSimulator(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TelephonySimulator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The simulator process did not start.");
    }

    private static async Task<Uri> ReadBaseUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var start = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
            if (start >= 0)
            {
                // Keep both pipes drained, or the simulator's console logging would block once a pipe fills.
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                var rest = line[(start + ListeningPrefix.Length)..];
                return new Uri(rest[..rest.IndexOf(' ', StringComparison.Ordinal)]);
            }
        }

        throw new InvalidOperationException("The simulator exited before it listened: " + await process.StandardError.ReadToEndAsync());
    }

    private static Task<CallResource> CreateAsync(Twilio.Clients.ITwilioRestClient client) =>
        CallResource.CreateAsync(
            new CreateCallOptions(new PhoneNumber("+14155550103"), new PhoneNumber("+15550100000")) { Twiml = new Twiml("<Response/>") },
            client);
}
