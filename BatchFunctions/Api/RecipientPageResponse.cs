namespace BatchFunctions.Api;

/// <summary>One page of a batch's recipients, optionally only those in some statuses, in index order.</summary>
/// <param name="Status">The statuses asked for; empty for all.</param>
/// <param name="Total">How many recipients match the filter, over the whole batch.</param>
public sealed record RecipientPageResponse(
    string BatchId,
    IReadOnlyList<string> Status,
    int Offset,
    int Limit,
    int Total,
    IReadOnlyList<BatchRecipientResponse> Recipients);
