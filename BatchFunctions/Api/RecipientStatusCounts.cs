namespace BatchFunctions.Api;

/// <summary>How many recipients are in each status; not in ElevenLabs' API, added for monitoring.</summary>
public sealed record RecipientStatusCounts(
    int Pending,
    int Dispatched,
    int Initiated,
    int InProgress,
    int Completed,
    int Failed,
    int Cancelled,
    int Voicemail);
