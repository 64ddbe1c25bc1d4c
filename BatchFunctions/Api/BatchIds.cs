using System.Security.Cryptography;
using System.Text;

namespace BatchFunctions.Api;

/// <summary>Ids of batches created through the API, in the shape dropped files get (btcal_ + 24 hex digits).</summary>
public static class BatchIds
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The shape of every batch id, from the API or a dropped file; routes accept only this (<see cref="ApiRoutes"/>).</summary>
    public const string Pattern = "^btcal_[0-9a-f]{24}$";

    /// <summary>
    /// With an Idempotency-Key the id follows from the key, so a request sent again (a client retrying
    /// after a timeout) names the batch already launched and launches nothing new; without one, a new id.
    /// </summary>
    public static string For(string? idempotencyKey) =>
        string.IsNullOrWhiteSpace(idempotencyKey)
            ? "btcal_" + Guid.NewGuid().ToString("N")[..24]
            : "btcal_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("api-idempotency|" + idempotencyKey.Trim())).AsSpan(0, 12));
}
