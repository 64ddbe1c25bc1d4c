namespace TelephonySimulator.Calls;

/// <summary>How one call will play out, decided when it is created; durations in simulated seconds.</summary>
internal sealed record CallPlan(SimulatedOutcome Outcome, double RingSeconds, double TalkSeconds)
{
    /// <summary>The n-th call to the number (from 0), which keys the call's further draws.</summary>
    public int Ordinal { get; init; }

    /// <summary>The chance that each status callback is delivered twice.</summary>
    public double DuplicateCallbackProbability { get; init; }

    /// <summary>The chance that each status callback is held back behind the next one.</summary>
    public double ReorderCallbackProbability { get; init; }

    /// <summary>Whether the terminal status callback is never sent.</summary>
    public bool LoseTerminalCallback { get; init; }

    /// <summary>The <c>AnsweredBy</c> a number rule imposes on answering-machine detection.</summary>
    public string? AnsweredBy { get; init; }

    /// <summary>How long an answering machine's greeting lasts before its beep, in simulated seconds.</summary>
    public double GreetingSeconds { get; init; }
}
