namespace BatchFunctions.Api;

/// <summary>An agent that a recent batch used, as the batch recorded it.</summary>
public sealed record RecentAgent(string AgentId, string Name);
