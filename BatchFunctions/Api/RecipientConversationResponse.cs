using BatchFunctions.Domain;

namespace BatchFunctions.Api;

/// <summary>
/// What a recipient's conversation achieved (ours; ElevenLabs' recipient has no such field): the agent's verdict and
/// summary, each collected value and each criterion's result. The transcript is at <see cref="ApiRoutes.Conversation"/>.
/// </summary>
public sealed record RecipientConversationResponse(
    string ConversationId,
    CallSuccess CallSuccessful,
    string? TranscriptSummary,
    IReadOnlyDictionary<string, string?> DataCollection,
    IReadOnlyDictionary<string, EvaluationResult> EvaluationResults,
    int? DurationSecs,
    string? TerminationReason,
    bool HasAudio,
    ResultsSource Source)
{
    public static RecipientConversationResponse? From(ConversationSummary? summary) => summary is null
        ? null
        : new RecipientConversationResponse(
            summary.ConversationId,
            summary.CallSuccessful,
            summary.TranscriptSummary,
            summary.DataCollection,
            summary.Evaluation,
            summary.DurationSecs,
            summary.TerminationReason,
            summary.HasAudio,
            summary.Source);
}
