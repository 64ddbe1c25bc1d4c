namespace BatchFunctions.Functions.Entities;

/// <param name="Leased">Slots the batch now holds.</param>
/// <param name="FairShare">Capacity divided among the batches wanting slots: hold no more than this while others wait.</param>
/// <param name="ActiveBatches">Batches wanting slots, which also share the account's calls-per-second rate.</param>
public sealed record LeaseGrant(int Leased, int FairShare, int ActiveBatches);
