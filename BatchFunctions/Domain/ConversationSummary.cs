namespace BatchFunctions.Domain;

/// <summary>
/// What one conversation achieved, small enough to sit beside the recipient's record and to be read for every row
/// of a large report: the verdict, the summary, each collected value and each criterion's result. The transcript
/// and the full analysis live in the conversation's blob.
/// </summary>
/// <param name="Attempt">The recipient's attempt that had this conversation; a later attempt's results replace it.</param>
public sealed record ConversationSummary(
    string ConversationId,
    int Attempt,
    CallSuccess CallSuccessful,
    string? TranscriptSummary,
    IReadOnlyDictionary<string, string?> DataCollection,
    IReadOnlyDictionary<string, EvaluationResult> Evaluation,
    int? DurationSecs,
    string? TerminationReason,
    bool HasAudio,
    ResultsSource Source,
    DateTimeOffset StoredAt);
