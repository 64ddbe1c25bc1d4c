namespace TelephonySimulator;

/// <summary>One turn of a scripted conversation.</summary>
public sealed class ScriptedTurn
{
    /// <summary><c>agent</c> or <c>user</c>.</summary>
    public string Role { get; set; } = "agent";

    /// <summary>What was said.</summary>
    public string Message { get; set; } = "";

    /// <summary>Seconds from the start of the call.</summary>
    public double TimeInCallSecs { get; set; }
}
