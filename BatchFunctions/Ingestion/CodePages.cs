using System.Text;

namespace BatchFunctions.Ingestion;

/// <summary>
/// .NET knows only the Unicode encodings until the code-page provider is registered; Excel's CSVs
/// are Windows-1252 and XLS files name their own code page.
/// </summary>
internal static class CodePages
{
    private static readonly Lazy<Encoding> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static Encoding Windows1252 => Registered.Value;

    public static void EnsureRegistered() => _ = Registered.Value;
}
