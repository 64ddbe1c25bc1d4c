using System.Diagnostics;

namespace Infra.Tests;

/// <summary>Runs the Bicep CLI shipped in the Azure.Bicep.CommandLine NuGet package.</summary>
public static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        EnsureExecutable(RepositoryPaths.Bicep);

        var startInfo = new ProcessStartInfo(RepositoryPaths.Bicep)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {RepositoryPaths.Bicep}.");
        using var timeout = new CancellationTokenSource(Timeout);
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new BicepResult(process.ExitCode, await standardOutput, await standardError);
    }

    // NuGet does not promise to keep the executable bit when it extracts a package, so a fresh
    // restore can leave tools/bicep unrunnable. Set it here, where the binary is used.
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package is missing; run dotnet restore.", path);
        }

        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
