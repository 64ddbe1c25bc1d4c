using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>What the attempt store knows of one attempt.</summary>
/// <param name="ClaimedAt">When a run claimed it to dial.</param>
/// <param name="Result">The dial's outcome, once recorded.</param>
/// <param name="CallbackCallSid">The call id a status callback for this attempt carried: proof the call exists even when the dial's answer was lost.</param>
public sealed record AttemptRecord(AttemptId Id, AttemptState State, int Run, DateTimeOffset? ClaimedAt, DialResult? Result, string? CallbackCallSid, Waiting? Waiting);
