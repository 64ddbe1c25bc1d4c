namespace BatchFunctions.Functions.Entities;

/// <param name="Finished">The batch is done: drop its lease and stop counting it as wanting slots.</param>
public sealed record LeaseRelease(string BatchId, int Count, bool Finished = false);
