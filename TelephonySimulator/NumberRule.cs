namespace TelephonySimulator;

/// <summary>A fixed outcome for one number or a prefix.</summary>
public sealed class NumberRule
{
    /// <summary>An exact E.164 number, or a prefix ending in <c>*</c> (e.g. <c>+1555019*</c>).</summary>
    public string Pattern { get; set; } = "";

    /// <summary>The outcome of every call whose <c>To</c> matches <see cref="Pattern"/>.</summary>
    public SimulatedOutcome Outcome { get; set; }
}
