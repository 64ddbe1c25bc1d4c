namespace BatchFunctions.Batches;

/// <summary>A batch cannot be created as asked; the message tells the operator what to fix.</summary>
public sealed class BatchRejectedException : Exception
{
    public BatchRejectedException(string message) : base(message)
    {
    }

    public BatchRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public BatchRejectedException()
    {
    }

    /// <summary>The setting at fault, when the rejection is about one; the file or list otherwise.</summary>
    public BatchSetting? Setting { get; init; }
}
