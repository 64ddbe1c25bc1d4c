namespace BatchFunctions.Api;

/// <summary>
/// What a batch's conversations achieved, for its charts (ours): the agent's verdicts, each criterion's results and
/// the most frequent values of each data-collection field, over the conversations whose results have arrived.
/// </summary>
public sealed record BatchResultsResponse(
    string BatchId,
    int Conversations,
    OutcomeCounts CallSuccessful,
    IReadOnlyDictionary<string, OutcomeCounts> Evaluation,
    IReadOnlyDictionary<string, IReadOnlyList<ValueCount>> DataCollection);
