using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>
/// A recipient attempt ready to dial. <see cref="QueueKey"/> is set when it came from the dial
/// queue (a retry or a window deferral) and names the queue entry to remove once it is dialed.
/// </summary>
/// <param name="PreviousStatus">The outcome of the recipient's previous attempt, which the batch's counts move it from; null if none.</param>
public sealed record DialTicket(int RecipientIndex, int Attempt, string? QueueKey = null, RecipientStatus? PreviousStatus = null);
