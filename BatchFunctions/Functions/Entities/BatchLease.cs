namespace BatchFunctions.Functions.Entities;

/// <param name="Wanted">What the batch would use if it could; batches wanting slots share the budget fairly.</param>
public sealed record BatchLease(int Leased, int Wanted);
