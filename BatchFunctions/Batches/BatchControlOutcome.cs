namespace BatchFunctions.Batches;

public enum BatchControlOutcome
{
    Accepted,
    NotFound,
    Conflict,
}
