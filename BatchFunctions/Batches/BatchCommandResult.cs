using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Batches;

/// <param name="Message">Why the command was refused, in words for the operator.</param>
/// <param name="State">The batch as the command leaves it (the entity applies the change asynchronously).</param>
public sealed record BatchCommandResult(BatchCommandStatus Status, string? Message = null, BatchState? State = null)
{
    public static BatchCommandResult NotFound(string batchId) => new(BatchCommandStatus.NotFound, $"There is no batch '{batchId}'.");

    public static BatchCommandResult Conflict(string message, BatchState state) => new(BatchCommandStatus.Conflict, message, state);

    public static BatchCommandResult Accepted(BatchState state) => new(BatchCommandStatus.Accepted, null, state);
}
