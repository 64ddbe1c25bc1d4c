using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>May the recipient be called now; if not, when (<see cref="Opens"/>), or never (<see cref="Never"/> says why).</summary>
internal sealed record WindowVerdict(bool IsOpen, Waiting? Opens, string? Never)
{
    public static readonly WindowVerdict Open = new(true, null, null);
}
