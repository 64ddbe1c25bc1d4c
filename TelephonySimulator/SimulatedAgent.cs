namespace TelephonySimulator;

/// <summary>An ElevenLabs conversational agent.</summary>
public sealed class SimulatedAgent
{
    /// <summary>The agent id, e.g. <c>agent_demo</c>.</summary>
    public string AgentId { get; set; } = "";

    /// <summary>The agent's display name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The agent's concurrency limit; -1 means no limit, as in ElevenLabs.</summary>
    public int ConcurrencyLimit { get; set; } = -1;

    /// <summary>
    /// Overrides the agent allows: any of <c>first_message</c>, <c>language</c>, <c>system_prompt</c>, <c>voice_id</c>.
    /// </summary>
    public List<string> AllowedOverrides { get; set; } = [];
}
