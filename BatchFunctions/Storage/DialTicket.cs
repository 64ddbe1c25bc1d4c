using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>A recipient attempt ready to dial, identified by recipient and attempt number.</summary>
/// <param name="FromQueue">It came from the dial queue (a retry or a deferral), so dialing it takes it off the queue.</param>
/// <param name="PreviousStatus">The outcome of the recipient's previous attempt, which the batch's counts move it from; null if none.</param>
public sealed record DialTicket(int RecipientIndex, int Attempt, bool FromQueue = false, RecipientStatus? PreviousStatus = null)
{
    public AttemptId Id => new(RecipientIndex, Attempt);
}
