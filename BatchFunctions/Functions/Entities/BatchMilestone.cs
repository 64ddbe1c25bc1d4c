namespace BatchFunctions.Functions.Entities;

/// <summary>When the orchestrator reached a point in the batch's life (started, all dispatched).</summary>
public sealed record BatchMilestone(DateTimeOffset At);
