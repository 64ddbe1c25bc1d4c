namespace TelephonySimulator;

/// <summary>A range of simulated seconds that durations are drawn from.</summary>
public sealed class DurationRange
{
    /// <summary>Shortest duration, in simulated seconds.</summary>
    public double Min { get; set; }

    /// <summary>Longest duration, in simulated seconds.</summary>
    public double Max { get; set; }
}
