namespace TelephonySimulator.ElevenLabsApi;

/// <summary>One entry of <c>analysis.evaluation_criteria_results</c>.</summary>
internal sealed record EvaluationCriterionResult(string CriteriaId, string Result, string Rationale);
