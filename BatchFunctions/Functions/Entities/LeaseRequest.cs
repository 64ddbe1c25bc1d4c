namespace BatchFunctions.Functions.Entities;

/// <param name="Wanted">Slots the batch would use now.</param>
/// <param name="Capacity">The workspace share, passed each time so a configuration change takes effect.</param>
/// <param name="At">The batch's time of asking; the lease (every slot the batch holds) runs until <paramref name="Duration"/> after it.</param>
/// <param name="Duration">How long the lease lasts unless renewed: a batch that dies without giving its slots back loses them after this.</param>
/// <param name="Seq">The batch's lease messages go up in this order; the budget ignores one older than what it has applied (see <see cref="BatchLease.Seq"/>).</param>
public sealed record LeaseRequest(string BatchId, int Wanted, int Capacity, DateTimeOffset At, TimeSpan Duration, long Seq);
