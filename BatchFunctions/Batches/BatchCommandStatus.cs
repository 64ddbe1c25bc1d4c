namespace BatchFunctions.Batches;

public enum BatchCommandStatus
{
    Accepted,
    NotFound,

    /// <summary>The batch is not in a state where the command makes sense (e.g. retrying a running batch).</summary>
    Conflict,
}
