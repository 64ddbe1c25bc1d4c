namespace Infra.Tests;

/// <summary>What one run of the Bicep CLI printed and returned.</summary>
public sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError);
