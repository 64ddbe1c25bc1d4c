using System.Globalization;

namespace BatchFunctions.Ingestion;

/// <summary>Byte counts as people read them in limit messages.</summary>
internal static class ByteSize
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => Format(bytes / (1024.0 * 1024 * 1024), "GiB"),
        >= 1024L * 1024 => Format(bytes / (1024.0 * 1024), "MiB"),
        >= 1024L => Format(bytes / 1024.0, "KiB"),
        _ => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
    };

    private static string Format(double value, string unit) => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} {unit}";
}
