namespace BatchFunctions.Batches;

public enum BatchCommandKind
{
    Cancel,
    Pause,
    Resume,
    SetConcurrency,
}
