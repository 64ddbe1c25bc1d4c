namespace TelephonySimulator.Calls;

/// <summary>The <c>MachineDetection</c> parameter of a call request.</summary>
internal enum MachineDetectionMode
{
    None,

    /// <summary>Twilio reports as soon as it knows: <c>human</c> or <c>machine_start</c>.</summary>
    Enable,

    /// <summary>Twilio waits for the greeting to end: <c>human</c> or <c>machine_end_beep</c>.</summary>
    DetectMessageEnd,
}
