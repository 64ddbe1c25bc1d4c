using System.Globalization;
using System.Text.Json;
using BatchFunctions.Domain;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Whether a recipient fits in table storage, where it is kept as one string property: at most 64 KiB
/// (32,768 UTF-16 characters) per string property, inside an entity of at most 1 MiB. A row that does not
/// fit is a row error naming the limit, found while the list is checked rather than as a storage exception
/// halfway through storing it.
/// </summary>
public static class StoredRecipientSize
{
    /// <summary>Table storage's limit on one string property, in bytes.</summary>
    public const int MaxPropertyBytes = 64 * 1024;

    /// <summary>Left for what is added when the batch is launched (the recipient's time zones, its id).</summary>
    private const int LaunchAllowanceBytes = 4 * 1024;

    /// <summary>The most characters JSON can turn one character into (\uXXXX).</summary>
    private const int WorstEscapeFactor = 6;

    private const int FixedOverheadCharacters = 1024;

    /// <returns>Null when the recipient fits; otherwise the row error's message, naming the limit.</returns>
    /// <param name="cells">The row's values; when they are short the recipient surely fits and is not serialized.</param>
    public static string? TooLarge(Recipient recipient, IEnumerable<CellValue> cells)
    {
        const int budget = (MaxPropertyBytes - LaunchAllowanceBytes) / sizeof(char);
        var characters = FixedOverheadCharacters;
        foreach (var cell in cells)
        {
            characters += cell.Text.Length * WorstEscapeFactor + 64;
        }

        return characters <= budget ? null : TooLarge(recipient);
    }

    /// <returns>Null when the recipient fits; otherwise the row error's message, naming the limit.</returns>
    public static string? TooLarge(Recipient recipient)
    {
        var bytes = JsonSerializer.Serialize(recipient).Length * sizeof(char);
        return bytes + LaunchAllowanceBytes <= MaxPropertyBytes ? null
            : $"The row's values take {(bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture)} KiB once stored; table storage holds at most "
                + $"{MaxPropertyBytes / 1024} KiB per recipient (its limit on one string property, within a 1 MiB entity). Shorten the longest values or move them out of the list.";
    }
}
