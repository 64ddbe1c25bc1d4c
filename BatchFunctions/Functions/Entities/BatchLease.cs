namespace BatchFunctions.Functions.Entities;

/// <param name="Wanted">What the batch would use if it could; batches wanting slots share the budget fairly.</param>
/// <param name="ExpiresAt">The slots come back to the budget at this time unless the batch renews its lease first.</param>
public sealed record BatchLease(int Leased, int Wanted, DateTimeOffset ExpiresAt);
