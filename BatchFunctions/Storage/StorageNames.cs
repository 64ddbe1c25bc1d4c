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

    /// <summary>Each recipient's conversation summary, keyed like <see cref="RecipientsTable"/> (see <see cref="ConversationResultStore"/>).</summary>
    public const string ConversationResultsTable = "ConversationResults";

    /// <summary>The conversations we started, by conversation id (see <see cref="ConversationIndex"/>).</summary>
    public const string ConversationsTable = "Conversations";

    /// <summary>Signatures of accepted ElevenLabs webhooks, to refuse replays: the prefix of one table per day (see <see cref="WebhookReceipts"/>).</summary>
    public const string WebhookReceiptsTable = "WebhookReceipts";

    /// <summary>Each conversation's full transcript and analysis: {batch id}/{conversation id}.json.</summary>
    public const string ConversationsContainer = "conversations";


    /// <summary>Every batch newest first, for listing (see <see cref="BatchIndex"/>).</summary>
    public const string BatchIndexTable = "BatchIndex";

    /// <summary>The connection the Functions host itself uses; the app's data shares that account.</summary>
    public const string ConnectionName = "AzureWebJobsStorage";
}
