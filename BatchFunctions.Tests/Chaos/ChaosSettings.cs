namespace BatchFunctions.Tests.Chaos;

/// <summary>How big and how long one chaos run is; the seed decides everything else.</summary>
public sealed record ChaosSettings
{
    /// <summary>Recipients across all batches of a run, drawn between these.</summary>
    public int MinRecipients { get; init; } = 20;

    public int MaxRecipients { get; init; } = 40;

    /// <summary>Scheduled faults and control actions happen within this long after the batches are launched; storage faults stop after it.</summary>
    public TimeSpan FaultWindow { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>How long after the fault window every batch must have ended (invariant 2's bound).</summary>
    public TimeSpan TerminalBound { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The simulator's time acceleration: 20-90 s calls last 0.2-0.9 s at 100.</summary>
    public double TimeAcceleration { get; init; } = 100;

    /// <summary>The workspace's concurrent-call limit; batches together may use half of it.</summary>
    public int WorkspaceConcurrencyLimit { get; init; } = 10;

    /// <summary>How long a call may go without its final callback before the watchdog asks the provider (real time).</summary>
    public TimeSpan LiveCallCheckInterval { get; init; } = TimeSpan.FromSeconds(10);

    public int WorkspaceShare => Math.Max(1, WorkspaceConcurrencyLimit / 2);
}
