namespace BatchFunctions.Batches;

/// <summary>What became of an operator's command: taken, no such batch, or not possible in the batch's state (and why).</summary>
public sealed record BatchControlResult(BatchControlOutcome Outcome, string? Message = null)
{
    public static BatchControlResult Accepted { get; } = new(BatchControlOutcome.Accepted);

    public static BatchControlResult NotFound { get; } = new(BatchControlOutcome.NotFound);

    public static BatchControlResult Conflict(string message) => new(BatchControlOutcome.Conflict, message);
}
