namespace TelephonySimulator;

/// <summary>A Twilio account the simulator accepts.</summary>
public sealed class SimulatedTwilioAccount
{
    /// <summary><c>AC</c> followed by 32 hexadecimal digits.</summary>
    public string AccountSid { get; set; } = "";

    /// <summary>The Basic-auth password, and the key of the <c>X-Twilio-Signature</c> HMAC.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>This account's calls per second, instead of <see cref="SimulatorOptions.CallsPerSecond"/>; 0 means no limit.</summary>
    public double? CallsPerSecond { get; set; }
}
