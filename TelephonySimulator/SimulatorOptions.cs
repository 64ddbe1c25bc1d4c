namespace TelephonySimulator;

/// <summary>
/// Configuration of a simulator instance, bound from the configuration section <see cref="SectionName"/>.
/// </summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section the standalone simulator binds.</summary>
    public const string SectionName = "Simulator";

    /// <summary>
    /// Simulated seconds per real second: 600 makes a 60 s ring last 0.1 s. Durations reported to callers
    /// (CallDuration, duration) stay in simulated seconds.
    /// </summary>
    public double TimeAcceleration { get; set; } = 1;

    /// <summary>Seed of the deterministic outcome and duration draws.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Twilio accounts accepted by HTTP Basic authentication; their auth tokens also sign webhooks.</summary>
    public List<SimulatedTwilioAccount> TwilioAccounts { get; set; } = [];

    /// <summary>The value the <c>xi-api-key</c> header must carry on ElevenLabs endpoints.</summary>
    public string ElevenLabsApiKey { get; set; } = "";

    /// <summary>ElevenLabs agents served by <c>GET /v1/convai/agents/{agent_id}</c>.</summary>
    public List<SimulatedAgent> Agents { get; set; } = [];

    /// <summary>ElevenLabs phone numbers served by <c>GET /v1/convai/phone-numbers/{phone_number_id}</c>.</summary>
    public List<SimulatedPhoneNumber> PhoneNumbers { get; set; } = [];

    /// <summary>Relative weights of the outcomes of calls that no <see cref="NumberRules"/> entry matches.</summary>
    public OutcomeMix Outcomes { get; set; } = new();

    /// <summary>Fixed outcomes for numbers or prefixes, checked first, in order.</summary>
    public List<NumberRule> NumberRules { get; set; } = [];

    /// <summary>How long answered calls ring, in simulated seconds.</summary>
    public DurationRange RingSeconds { get; set; } = new() { Min = 2, Max = 8 };

    /// <summary>How long calls answered by a person last, in simulated seconds.</summary>
    public DurationRange TalkSeconds { get; set; } = new() { Min = 20, Max = 120 };
}
