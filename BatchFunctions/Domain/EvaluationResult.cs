namespace BatchFunctions.Domain;

/// <summary>One evaluation criterion's result and the agent's rationale (bounded in length).</summary>
public sealed record EvaluationResult(CallSuccess Result, string? Rationale);
