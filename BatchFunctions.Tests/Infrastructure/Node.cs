using System.Diagnostics;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Runs a Node.js script of the repository (npm packages from its node_modules) and returns its output.</summary>
public static class Node
{
    public static async Task<string> RunAsync(string script, string? input = null, IDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("node", System.IO.Path.Combine(RepositoryRoot.Path, script))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cancel.Token);
        Assert.True(process.ExitCode == 0, $"node {script} exited {process.ExitCode}:\n{await errors}\n{await output}");
        return await output;
    }
}
