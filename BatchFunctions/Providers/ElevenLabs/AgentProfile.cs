namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>What the batch needs to know about an ElevenLabs agent.</summary>
/// <param name="AllowedOverrides">Override columns the agent accepts (first_message, language, system_prompt, voice_id).</param>
/// <param name="ConcurrencyLimit">The agent's own limit; null when it has none (-1 on the wire).</param>
/// <param name="DynamicVariables">Names of the dynamic variables the agent declares placeholders for; empty when it declares none.</param>
public sealed record AgentProfile(string AgentId, string Name, IReadOnlySet<string> AllowedOverrides, int? ConcurrencyLimit, IReadOnlySet<string> DynamicVariables);
