namespace BatchFunctions.Domain;

/// <summary>ElevenLabs' telephony_call_config for a batch: how long to ring, whether to record, answering-machine detection.</summary>
/// <param name="RingingTimeoutSecs">Seconds to ring before giving up; null: the app's default.</param>
public sealed record TelephonyCallConfig(int? RingingTimeoutSecs = null, bool RecordingEnabled = false, MachineDetection MachineDetection = MachineDetection.Disabled)
{
    public static readonly TelephonyCallConfig Default = new();
}
