using System.Text;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;

namespace BatchFunctions.Tests.Ingestion;

/// <summary>Reads test files through the same entry point as the blob trigger and the validator tool.</summary>
internal static class RecipientFiles
{
    public static ParsedRecipientList Read(byte[] content, string region = "US", string? sheet = null, IngestionOptions? limits = null, string? phoneColumn = null) =>
        RecipientFileReader.Read(new MemoryStream(content), new RecipientFileSettings(region, sheet, phoneColumn), limits ?? new IngestionOptions());

    public static ParsedRecipientList Read(string csv, string region = "US", IngestionOptions? limits = null) =>
        Read(Encoding.UTF8.GetBytes(csv), region, limits: limits);

    public static string Raw(this ParsedRecipientList list, int recipient, string variable) =>
        list.Recipients[recipient].ClientData.DynamicVariables[variable].GetRawText();
}
