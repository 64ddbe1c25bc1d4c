using BatchFunctions.Domain;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>What the provider (or the attempt store) says of one live call.</summary>
/// <param name="Ended">The call ended: its final status, as the lost callback would have said it.</param>
/// <param name="Dialed">An attempt whose outcome was unknown: what its dial turned out to be.</param>
/// <param name="RedialAsTry">
/// An attempt whose outcome was unknown was never dialed, and is now fenced: only a dial of this try
/// (or later) may claim it, so it may be dialed again as this try and no earlier run can dial it.
/// </param>
public sealed record LiveCallCheck(AttemptId Id, CallProgress? Ended = null, DialResult? Dialed = null, int? RedialAsTry = null);
