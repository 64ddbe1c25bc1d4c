using BatchFunctions.Providers.ElevenLabs;

namespace BatchFunctions.Api;

/// <summary>An ElevenLabs agent as a batch sees it: its name, the override columns it accepts, its own concurrency limit.</summary>
/// <param name="ConcurrencyLimit">The agent's own limit; null when it has none.</param>
public sealed record AgentResponse(string AgentId, string Name, IReadOnlyList<string> AllowedOverrides, int? ConcurrencyLimit)
{
    public static AgentResponse From(AgentProfile agent) =>
        new(agent.AgentId, agent.Name, [.. agent.AllowedOverrides.Order(StringComparer.Ordinal)], agent.ConcurrencyLimit);
}
