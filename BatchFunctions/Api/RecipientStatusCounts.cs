namespace BatchFunctions.Api;

/// <summary>
/// How many recipients are in each state; not in ElevenLabs' API, added for monitoring. <see cref="Live"/>
/// counts calls placed and not yet ended (dispatched, initiated or in progress).
/// </summary>
public sealed record RecipientStatusCounts(
    int Pending,
    int Live,
    int Completed,
    int Failed,
    int Cancelled,
    int Voicemail);
