namespace BatchFunctions.Storage;

/// <summary>
/// A recipient attempt ready to dial. <see cref="QueueKey"/> is set when it came from the dial
/// queue (a retry or a window deferral) and names the queue entry to remove once it is dialed.
/// </summary>
public sealed record DialTicket(int RecipientIndex, int Attempt, string? QueueKey = null);
