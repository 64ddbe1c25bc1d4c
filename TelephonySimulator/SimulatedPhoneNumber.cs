namespace TelephonySimulator;

/// <summary>A phone number imported into ElevenLabs.</summary>
public sealed class SimulatedPhoneNumber
{
    /// <summary>The ElevenLabs phone number id, e.g. <c>phnum_demo</c>.</summary>
    public string PhoneNumberId { get; set; } = "";

    /// <summary>The number in E.164.</summary>
    public string PhoneNumber { get; set; } = "";

    /// <summary><c>twilio</c> or <c>sip_trunk</c>.</summary>
    public string Provider { get; set; } = "twilio";

    /// <summary>The number's label.</summary>
    public string Label { get; set; } = "";

    /// <summary>The agent the number is assigned to, if any.</summary>
    public string? AssignedAgentId { get; set; }
}
