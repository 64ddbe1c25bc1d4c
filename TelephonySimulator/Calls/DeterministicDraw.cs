using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TelephonySimulator.Calls;

/// <summary>
/// Uniform numbers in [0, 1) that depend only on (seed, number, n-th call to that number, purpose), so the order in
/// which concurrent calls arrive cannot change any call's outcome or durations.
/// </summary>
internal static class DeterministicDraw
{
    public static double Uniform(int seed, string to, int ordinal, string purpose)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{seed}\n{to}\n{ordinal}\n{purpose}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bits = BitConverter.ToUInt64(hash[..8]) >> 11; // 53 bits: exactly representable in a double
        return bits / (double)(1UL << 53);
    }

    public static double Between(double min, double max, double uniform) => min + ((max - min) * uniform);
}
