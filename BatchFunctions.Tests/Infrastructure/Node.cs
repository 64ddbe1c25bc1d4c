using System.Diagnostics;
using System.Text;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Runs a Node.js script of the repository, with the repository's node_modules.</summary>
public static class Node
{
    /// <param name="Output">Standard output and standard error, interleaved as written.</param>
    public sealed record Result(int ExitCode, string StandardOutput, string Output);

    /// <param name="script">Path from the repository root.</param>
    public static async Task<Result> RunAsync(
        string script,
        IEnumerable<string>? arguments = null,
        string? input = null,
        IDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryRoot.Combine(script));
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started; install Node.js 20+.");
        var standardOutput = new StringBuilder();
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(e.Data, standardOutput, output);
        process.ErrorDataReceived += (_, e) => Append(e.Data, null, output);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.StandardInput.WriteAsync(input ?? "");
        process.StandardInput.Close();

        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append($"(killed after {limit})", null, output);
            return Snapshot(-1);
        }

        process.WaitForExit();
        return Snapshot(process.ExitCode);

        Result Snapshot(int exitCode)
        {
            lock (output)
            {
                return new Result(exitCode, standardOutput.ToString(), output.ToString());
            }
        }

        void Append(string? line, StringBuilder? first, StringBuilder all)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                first?.Append(line).Append('\n');
                all.Append(line).Append('\n');
            }
        }
    }

    /// <summary>The script's standard output; a failure (non-zero exit) throws with everything it wrote.</summary>
    public static async Task<string> OutputOfAsync(string script, IEnumerable<string>? arguments = null, string? input = null)
    {
        var result = await RunAsync(script, arguments, input);
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"node {script} exited {result.ExitCode}:\n{result.Output}");
    }
}
