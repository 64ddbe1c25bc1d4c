namespace BatchFunctions.Functions.Orchestration;

/// <summary>One attempt to call one recipient: what holds a concurrency slot, and what a call's end frees.</summary>
public sealed record CallAttempt(int RecipientIndex, int Attempt);
