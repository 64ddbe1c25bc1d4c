namespace BatchFunctions.Functions.Entities;

/// <summary>A batch gives slots back: it now holds <paramref name="Keep"/> (a total, not a difference, so a repeat changes nothing).</summary>
/// <param name="Seq">The batch's order of lease messages; an older one than the budget has applied is ignored.</param>
/// <param name="Finished">The batch is done: drop its lease and stop counting it as wanting slots.</param>
public sealed record LeaseRelease(string BatchId, int Keep, long Seq, bool Finished = false)
{
    /// <summary>Sent when the batch is deleted: after it, nothing the batch's orchestration still sends counts.</summary>
    public static LeaseRelease Deleted(string batchId) => new(batchId, 0, long.MaxValue, Finished: true);
}
