namespace TelephonySimulator;

/// <summary>How a simulated call plays out.</summary>
public enum SimulatedOutcome
{
    /// <summary>A person answers and talks.</summary>
    Human,

    /// <summary>Voicemail answers; the call is short.</summary>
    Voicemail,

    /// <summary>The callee is busy (SIP 486).</summary>
    Busy,

    /// <summary>Nobody answers within the request's <c>Timeout</c> (SIP 487).</summary>
    NoAnswer,

    /// <summary>The network fails the call (SIP 500).</summary>
    Failed,
}
