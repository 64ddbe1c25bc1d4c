namespace BatchFunctions.Functions.Entities;

/// <param name="Wanted">What the batch would use if it could; batches wanting slots share the budget fairly.</param>
/// <param name="ExpiresAt">The slots come back to the budget at this time unless the batch renews its lease first.</param>
/// <param name="Seq">
/// The latest of the batch's lease messages applied. Messages from an orchestration to an entity may
/// arrive late, twice or out of order (the engine's reordering is switched off: it stalled a batch's
/// messages after continue-as-new), so each carries its place in the batch's order and an older one
/// is ignored. A finished batch keeps a zero lease with its last number until it expires, so a late
/// request cannot lease slots again.
/// </param>
public sealed record BatchLease(int Leased, int Wanted, DateTimeOffset ExpiresAt, long Seq = 0);
