using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>A recipient attempt ready to dial, identified by recipient and attempt number.</summary>
/// <param name="FromQueue">It came from the dial queue (a retry or a deferral), so dialing it takes it off the queue.</param>
/// <param name="PreviousStatus">The outcome of the recipient's previous attempt, which the batch's counts move it from; null if none.</param>
/// <param name="Try">
/// How often this attempt has been handed to the dialer again after a look-up found it never dialed.
/// The look-up fences the attempt at the next try, so a stale run of an earlier try (an activity
/// redelivered late) can no longer claim and dial it.
/// </param>
public sealed record DialTicket(int RecipientIndex, int Attempt, bool FromQueue = false, RecipientStatus? PreviousStatus = null, int Try = 0)
{
    public AttemptId Id => new(RecipientIndex, Attempt);
}
