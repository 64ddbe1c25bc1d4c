namespace TelephonySimulator;

/// <summary>Relative, non-negative weights of call outcomes; they need not add up to 1.</summary>
public sealed class OutcomeMix
{
    /// <summary>Weight of calls answered by a person.</summary>
    public double Human { get; set; } = 1;

    /// <summary>Weight of calls answered by voicemail.</summary>
    public double Voicemail { get; set; }

    /// <summary>Weight of busy calls.</summary>
    public double Busy { get; set; }

    /// <summary>Weight of calls nobody answers.</summary>
    public double NoAnswer { get; set; }

    /// <summary>Weight of calls the network fails.</summary>
    public double Failed { get; set; }
}
