namespace BatchFunctions.Storage;

/// <summary>Where things live in the app's storage account.</summary>
public static class StorageNames
{
    /// <summary>Drop zone: a file here becomes a batch.</summary>
    public const string UploadsContainer = "uploads";

    /// <summary>Accepted files, moved here with their outcome: processed/{batch id}/.</summary>
    public const string ProcessedContainer = "processed";

    /// <summary>Refused files, moved here with the reason: rejected/{upload id}/.</summary>
    public const string RejectedContainer = "rejected";

    public const string RecipientsTable = "Recipients";

    /// <summary>Every dial attempt of every batch: the dial queue and the claims (see <see cref="AttemptStore"/>).</summary>
    public const string AttemptsTable = "Attempts";

    /// <summary>Every batch newest first, for listing (see <see cref="BatchIndex"/>).</summary>
    public const string BatchIndexTable = "BatchIndex";

    /// <summary>The connection the Functions host itself uses; the app's data shares that account.</summary>
    public const string ConnectionName = "AzureWebJobsStorage";
}
