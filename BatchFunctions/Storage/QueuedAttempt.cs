using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>An attempt to put in the dial queue, due at <paramref name="DueAt"/> (campaign time).</summary>
/// <param name="PreviousStatus">The outcome of the recipient's previous attempt; null if it has had none.</param>
/// <param name="Waiting">Why it waits (calling window or retry delay), shown to the operator.</param>
public sealed record QueuedAttempt(int RecipientIndex, int Attempt, DateTimeOffset DueAt, RecipientStatus? PreviousStatus = null, Waiting? Waiting = null);
