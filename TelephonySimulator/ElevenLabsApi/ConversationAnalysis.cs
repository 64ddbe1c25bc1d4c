namespace TelephonySimulator.ElevenLabsApi;

/// <summary>A conversation's <c>analysis</c> (ConversationHistoryAnalysisCommonModel).</summary>
internal sealed record ConversationAnalysis(
    IReadOnlyDictionary<string, EvaluationCriterionResult> EvaluationCriteriaResults,
    IReadOnlyDictionary<string, DataCollectionResult> DataCollectionResults,
    string CallSuccessful,
    string TranscriptSummary);
