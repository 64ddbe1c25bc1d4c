namespace BatchFunctions.Functions.Entities;

/// <summary>Slots leased per running batch (keyed by batch id).</summary>
public sealed record WorkspaceBudgetState(IReadOnlyDictionary<string, BatchLease> Leases);
