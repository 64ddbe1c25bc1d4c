using System.Globalization;
using System.Text;
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

    /// <summary>Room for what a recipient's JSON holds once stored that the list's own JSON leaves out (its index, id and zones' names).</summary>
    private const int StoredFieldsCharacters = 64;

    /// <returns>Null when the recipient fits; otherwise the row error's message, naming the limit.</returns>
    /// <param name="json">The recipient as UTF-8 JSON, as the list's checks write it for the spool.</param>
    public static string? TooLarge(ReadOnlySpan<byte> json)
    {
        // A JSON character takes at least one UTF-8 byte, so the byte count bounds the characters; count them only when that bound is too much.
        if (Fits(json.Length))
        {
            return null;
        }

        var characters = Encoding.UTF8.GetCharCount(json);
        return Fits(characters) ? null : Message((characters + StoredFieldsCharacters) * sizeof(char));

        static bool Fits(int characters) => (characters + StoredFieldsCharacters) * sizeof(char) + LaunchAllowanceBytes <= MaxPropertyBytes;
    }

    /// <returns>Null when the recipient fits; otherwise the row error's message, naming the limit.</returns>
    public static string? TooLarge(Recipient recipient)
    {
        var bytes = JsonSerializer.Serialize(recipient).Length * sizeof(char);
        return bytes + LaunchAllowanceBytes <= MaxPropertyBytes ? null : Message(bytes);
    }

    private static string Message(int bytes) =>
        $"The row's values take {(bytes / 1024.0).ToString("N0", CultureInfo.InvariantCulture)} KiB once stored; table storage holds at most "
        + $"{MaxPropertyBytes / 1024} KiB per recipient (its limit on one string property, within a 1 MiB entity). Shorten the longest values or move them out of the list.";
}
