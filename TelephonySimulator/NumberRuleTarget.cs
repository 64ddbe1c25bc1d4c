namespace TelephonySimulator;

/// <summary>Which number of a call request a <see cref="NumberRule"/> matches.</summary>
public enum NumberRuleTarget
{
    /// <summary>The dialled number (<c>To</c>, or <c>to_number</c> for ElevenLabs).</summary>
    To,

    /// <summary>The caller id (<c>From</c>, or the number behind <c>agent_phone_number_id</c> for ElevenLabs).</summary>
    From,
}
