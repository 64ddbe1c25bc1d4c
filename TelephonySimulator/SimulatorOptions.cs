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

    /// <summary>
    /// Twilio errors that refuse a share of Twilio create requests to numbers no <see cref="NumberRules"/> entry matches; each
    /// attempt to a number draws once from the seed, so a retry can succeed.
    /// </summary>
    public List<CreateErrorRate> CreateErrors { get; set; } = [];

    /// <summary>
    /// Calls each Twilio account starts per real second (Twilio's default is 1); 0 means no limit. Calls created
    /// faster wait in the account's queue, in order, as <c>queued</c>, and report the wait as <c>queue_time</c>.
    /// Real seconds, not simulated ones: the pace is the application's, which does not know the time acceleration.
    /// </summary>
    public double CallsPerSecond { get; set; }

    /// <summary>Create requests one account may have in flight; more are refused with 429 and Twilio error 20429. 0 means no limit.</summary>
    public int MaxConcurrentCreateRequests { get; set; }

    /// <summary>How long ElevenLabs analyses a conversation after its call (status <c>processing</c>), in simulated seconds.</summary>
    public double ConversationProcessingSeconds { get; set; } = 10;

    /// <summary>The share of status callbacks that are delivered twice (same <c>SequenceNumber</c>), from 0 to 1.</summary>
    public double DuplicateCallbackProbability { get; set; }

    /// <summary>The share of status callbacks delivered after the next one instead of before it, from 0 to 1.</summary>
    public double ReorderCallbackProbability { get; set; }

    /// <summary>
    /// Mixed into conversation ids when set. ElevenLabs' ids are unique across the world; two simulators with the same
    /// seed make the same ids, so applications under test that share one store give each simulator its own salt.
    /// </summary>
    public string ConversationIdSalt { get; set; } = "";

    /// <summary>Transcripts, analysis and webhook delivery per number or prefix; see <see cref="ConversationScript"/>.</summary>
    public List<ConversationScript> ConversationScripts { get; set; } = [];

    /// <summary>
    /// Where ElevenLabs posts <c>post_call_transcription</c> webhooks once a conversation is analysed (a workspace
    /// setting in ElevenLabs); none are sent when empty.
    /// </summary>
    public string? PostCallWebhookUrl { get; set; }

    /// <summary>The workspace webhook's shared secret, which signs each delivery's <c>ElevenLabs-Signature</c>.</summary>
    public string PostCallWebhookSecret { get; set; } = "";
}
