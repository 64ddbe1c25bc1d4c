using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BatchFunctions.Batches;
using BatchFunctions.Domain;
using BatchFunctions.Options;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Turns a tabular file into recipients: the phone column becomes an E.164 number, override columns
/// become ElevenLabs overrides and every other column a dynamic variable, typed by
/// <see cref="DynamicVariableValue"/>. Rows that cannot be called are reported by row number with
/// every problem they have, never dropped silently.
/// </summary>
public static class RecipientListParser
{
    /// <summary>Longest value quoted back in a row error; a 10,000-character prompt is no help in a report.</summary>
    private const int ReportedValueLength = 200;

    /// <summary>
    /// Rows checked per work item: about a millisecond of checking, so handing a chunk to another core costs little beside
    /// it, and few enough rows that those in flight (up to four chunks on two cores) are mostly dead by the next collection. With 2,048
    /// rows validation's peak working set was 10-15 MiB higher at 100k and 1M rows alike, and no faster (benchmarks/README.md,
    /// issue 14, third round); rows held across collections are promoted, and stay as garbage in the older generations.
    /// </summary>
    private const int ChunkRows = 512;

    /// <summary>Worker threads at most, beside the reading thread; tests claim 64 cores.</summary>
    private const int MaxWorkers = 7;

    public static ParsedRecipientList Parse(TabularFile file, string defaultRegion, IngestionOptions limits, string? phoneColumn = null)
    {
        var columns = ColumnMap.From(file.Headers, limits, phoneColumn);
        var recipients = new RecipientSpool();
        var errors = new List<RowError>();

        // Keyed by the number's digits rather than its text, in a table made for it: a million numbers in 13 MiB.
        var firstRowByNumber = new FirstRowByNumber();
        var rows = 0;
        var voicemailMessages = 0;

        // Reading stays on this thread (a file is read in order), checking rows runs on every core, and the
        // results are taken back in file order: duplicates are found and recipients numbered as if read one by one.
        // At most a few chunks are in flight, so memory stays flat whatever the file's length (and whatever core
        // count DOTNET_PROCESSOR_COUNT claims). Chunks are used again once taken, so their buffers are not garbage.
        var spare = new Stack<RowChunk>();
        var checks = new OrderedChunkChecks<RowChunk>(
            chunk => chunk.CheckAll(columns, defaultRegion, limits, file.Description.Delimiter),
            workers: Math.Min(Environment.ProcessorCount - 1, MaxWorkers));
        Action<RowChunk> take = Take;
        try
        {
            var chunk = new RowChunk();
            foreach (var row in file.Rows)
            {
                if (++rows > limits.MaxRows)
                {
                    throw new BatchRejectedException(
                        $"The file has more than {limits.MaxRows.ToString("N0", CultureInfo.InvariantCulture)} recipient rows, the limit (Ingestion__MaxRows). "
                        + "Split it into several files.");
                }

                chunk.Rows.Add(row);
                if (chunk.Rows.Count == ChunkRows)
                {
                    checks.Add(chunk, take);
                    chunk = spare.TryPop(out var used) ? used : new RowChunk();
                }
            }

            if (chunk.Rows.Count > 0)
            {
                checks.Add(chunk, take);
            }

            checks.Finish(take);
        }
        catch
        {
            recipients.Dispose();
            throw;
        }
        finally
        {
            checks.Dispose();
        }

        return new ParsedRecipientList(recipients, errors, columns.OverrideColumns, file.Description) { VoicemailMessages = voicemailMessages };

        void Take(RowChunk chunk)
        {
            for (var i = 0; i < chunk.Rows.Count; i++)
            {
                var row = chunk.Checked[i];
                if (row.ErrorCount > 0)
                {
                    for (var e = row.ErrorStart; e < row.ErrorStart + row.ErrorCount; e++)
                    {
                        errors.Add(chunk.Errors[e]);
                    }

                    continue;
                }

                if (!firstRowByNumber.TryAdd(row.Digits, row.RowNumber, out var firstRow))
                {
                    var phoneText = Cell(chunk.Rows[i], columns.PhoneIndex).Text;
                    errors.Add(new RowError(row.RowNumber, columns.Headers[columns.PhoneIndex], phoneText,
                        $"Duplicate of row {firstRow} ({row.PhoneNumber}); the number is called once."));
                    continue;
                }

                voicemailMessages += row.HasVoicemailMessage ? 1 : 0;
                recipients.Add(chunk.Recipients.WrittenSpan.Slice(row.RecipientStart, row.RecipientLength));
            }

            chunk.Clear();
            spare.Push(chunk);
        }
    }

    /// <summary>Everything about one row that does not depend on the rows before it; safe to run on any thread.</summary>
    /// <param name="chunk">Takes the row's errors and its recipient's JSON.</param>
    private static CheckedRow Check(TabularRow row, ColumnMap columns, string defaultRegion, IngestionOptions limits, string? delimiter, RowChunk chunk)
    {
        var errors = chunk.Errors;
        var errorStart = errors.Count;
        CheckCells(row, columns, limits, delimiter, errors);
        var phone = Cell(row, columns.PhoneIndex);
        var e164 = PhoneNumberNormalizer.Normalize(phone, defaultRegion, out var phoneError);
        if (e164 is null)
        {
            errors.Add(new RowError(row.RowNumber, columns.Headers[columns.PhoneIndex], Shorten(phone.Text), phoneError!));
        }

        var timeZone = columns.TimeZoneIndex is { } timeZoneIndex ? TimeZone(row, timeZoneIndex, columns, errors) : null;
        var voicemailMessage = columns.VoicemailMessageIndex is { } voicemailIndex ? VoicemailMessage(row, voicemailIndex, columns, errors) : null;
        if (errors.Count > errorStart)
        {
            return CheckedRow.Rejected(row.RowNumber, errorStart, errors.Count - errorStart);
        }

        var recipient = chunk.Json.Write(row, e164!, columns, timeZone, voicemailMessage);
        if (StoredRecipientSize.TooLarge(recipient) is { } tooLarge)
        {
            var longest = Enumerable.Range(0, Math.Min(row.Cells.Count, columns.Headers.Count)).MaxBy(i => row.Cells[i].Text.Length);
            errors.Add(new RowError(row.RowNumber, columns.Headers[longest], Shorten(row.Cells[longest].Text), tooLarge));
            return CheckedRow.Rejected(row.RowNumber, errorStart, 1);
        }

        var start = chunk.Recipients.WrittenCount;
        chunk.Recipients.Write(recipient);
        var digits = long.Parse(e164.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
        return new CheckedRow(row.RowNumber, e164, digits, start, recipient.Length, 0, 0, voicemailMessage is not null);
    }

    /// <summary>Values that would be lost (no column to belong to) or that are too long.</summary>
    private static void CheckCells(TabularRow row, ColumnMap columns, IngestionOptions limits, string? delimiter, List<RowError> errors)
    {
        var named = Math.Min(row.Cells.Count, columns.Headers.Count);
        for (var i = 0; i < named; i++)
        {
            var cell = row.Cells[i];
            if (cell.IsEmpty)
            {
                continue;
            }

            if (columns.Headers[i].Length == 0)
            {
                errors.Add(new RowError(row.RowNumber, $"column {i + 1}", Shorten(cell.Text),
                    $"Column {i + 1} has no header, so this value has no variable to go to. Name the column in the first row, or delete the value."));
            }
            else if (cell.Text.Length > limits.MaxCellCharacters)
            {
                errors.Add(new RowError(row.RowNumber, columns.Headers[i], Shorten(cell.Text),
                    $"The value is {cell.Text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; the limit is "
                    + $"{limits.MaxCellCharacters.ToString("N0", CultureInfo.InvariantCulture)} (Ingestion__MaxCellCharacters)."));
            }
        }

        // One error for the whole overflow: its values are all misplaced for the same reason.
        for (var i = named; i < row.Cells.Count; i++)
        {
            if (!row.Cells[i].IsEmpty)
            {
                var hint = delimiter is null ? "" : $" A value that contains '{Describe(delimiter)}' needs quotes around it, as in \"Smith{delimiter} Ann\".";
                errors.Add(new RowError(row.RowNumber, $"column {i + 1}", Shorten(row.Cells[i].Text),
                    $"This row has more values than the header has columns ({columns.Headers.Count}), so its values may have shifted.{hint}"));
                break;
            }
        }
    }

    private static string? TimeZone(TabularRow row, int index, ColumnMap columns, List<RowError> errors)
    {
        var cell = Cell(row, index);
        if (cell.IsEmpty)
        {
            return null;
        }

        if (IanaTimeZones.Canonical(cell.Text) is { } id)
        {
            return id;
        }

        var windows = IanaTimeZones.ForWindowsName(cell.Text) is { } iana ? $" '{cell.Text}' is a Windows zone name: write {iana} instead." : "";
        errors.Add(new RowError(row.RowNumber, columns.Headers[index], Shorten(cell.Text),
            $"'{Shorten(cell.Text)}' is not an IANA time zone id such as America/New_York or Europe/London.{windows}"));
        return null;
    }

    private static string? VoicemailMessage(TabularRow row, int index, ColumnMap columns, List<RowError> errors)
    {
        var cell = Cell(row, index);
        if (cell.IsEmpty)
        {
            return null;
        }

        if (VoicemailMessages.Problem(cell.Text) is { } problem)
        {
            errors.Add(new RowError(row.RowNumber, columns.Headers[index], Shorten(cell.Text), problem));
            return null;
        }

        return cell.Text.Trim();
    }

    /// <summary>
    /// Writes a row as the JSON of its <see cref="Recipient"/> (no index: the spool numbers recipients by position). Each
    /// value goes straight from its cell into the JSON, typed by <see cref="DynamicVariableValue"/>; one per chunk, so
    /// one thread at a time.
    /// </summary>
#pragma warning disable CA1001 // A writer over an ArrayBufferWriter holds nothing to release; chunks are dropped with the file, not disposed.
    private sealed class RowJson
#pragma warning restore CA1001
    {
        private readonly ArrayBufferWriter<byte> buffer = new(1024);
        private readonly Utf8JsonWriter writer;

        // The writing below is fixed and always well formed, so the writer need not check every call's place in the document.
        public RowJson() => writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });

        /// <returns>The JSON, valid until the next call.</returns>
        public ReadOnlySpan<byte> Write(TabularRow row, string phoneNumber, ColumnMap columns, string? timeZone, string? voicemailMessage)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            writer.WriteStartObject();
            writer.WriteNumber(RowNumberName, row.RowNumber);
            writer.WritePropertyName(PhoneNumberName);
            WriteE164(writer, phoneNumber);
            if (voicemailMessage is not null)
            {
                writer.WriteString(VoicemailMessageName, voicemailMessage);
            }

            writer.WriteStartObject(ClientDataName);
            writer.WriteStartObject(DynamicVariablesName);
            foreach (var (name, index) in columns.Variables)
            {
                if (index == columns.TimeZoneIndex)
                {
                    if (timeZone is not null)
                    {
                        writer.WriteString(name, timeZone);
                    }

                    continue;
                }

                var cell = Cell(row, index);
                if (!cell.IsEmpty)
                {
                    writer.WritePropertyName(name);
                    DynamicVariableValue.Write(writer, cell);
                }
            }

            writer.WriteEndObject();
            if (Overrides(row, columns) is { } overrides)
            {
                writer.WritePropertyName(OverridesName);
                JsonSerializer.Serialize(writer, overrides);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.Flush();
            return buffer.WrittenSpan;
        }
    }

    /// <summary>
    /// Writes an E.164 number as the writer would, with its + escaped (\u002B), but without the writer's escaping path, which
    /// a string with any character to escape takes and which was a sixth of writing a row (sampled).
    /// </summary>
    private static void WriteE164(Utf8JsonWriter writer, string e164)
    {
        Span<byte> json = stackalloc byte[32];
        if (e164.Length is < 2 or > 16 || e164[0] != '+' || e164.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            writer.WriteStringValue(e164); // not E.164 after all: never, but the writer's way is always right
            return;
        }

        var length = "\"\\u002B"u8.Length;
        "\"\\u002B"u8.CopyTo(json);
        foreach (var digit in e164.AsSpan(1))
        {
            json[length++] = (byte)digit;
        }

        json[length++] = (byte)'"';
        writer.WriteRawValue(json[..length], skipInputValidation: true);
    }

    // Encoded once rather than on every row; the writer escapes them as it would the strings.
    private static readonly JsonEncodedText RowNumberName = JsonEncodedText.Encode(nameof(Recipient.RowNumber));
    private static readonly JsonEncodedText PhoneNumberName = JsonEncodedText.Encode(nameof(Recipient.PhoneNumber));
    private static readonly JsonEncodedText VoicemailMessageName = JsonEncodedText.Encode(nameof(Recipient.VoicemailMessage));
    private static readonly JsonEncodedText ClientDataName = JsonEncodedText.Encode(nameof(Recipient.ClientData));
    private static readonly JsonEncodedText DynamicVariablesName = JsonEncodedText.Encode(DynamicVariablesProperty);
    private static readonly JsonEncodedText OverridesName = JsonEncodedText.Encode(OverridesProperty);

    // ConversationInitiationClientData's wire names; a round trip through the spool (RecipientSpoolTests) holds them to it.
    private const string DynamicVariablesProperty = "dynamic_variables";
    private const string OverridesProperty = "conversation_config_override";

    private static ConversationConfigOverride? Overrides(TabularRow row, ColumnMap columns)
    {
        if (columns.Overrides.Count == 0)
        {
            return null;
        }

        string? Override(string column) =>
            columns.Overrides.TryGetValue(column, out var index) && Cell(row, index) is { IsEmpty: false } value ? value.Text : null;

        var firstMessage = Override(RecipientColumns.FirstMessage);
        var language = Override(RecipientColumns.Language);
        var systemPrompt = Override(RecipientColumns.SystemPrompt);
        var voiceId = Override(RecipientColumns.VoiceId);
        var agent = firstMessage is null && language is null && systemPrompt is null
            ? null
            : new AgentOverride(firstMessage, language, systemPrompt is null ? null : new PromptOverride(systemPrompt));
        var tts = voiceId is null ? null : new TtsOverride(voiceId);
        return agent is null && tts is null ? null : new ConversationConfigOverride(agent, tts);
    }

    /// <summary>A row as checked: its recipient's JSON in the chunk's buffer, or its errors in the chunk's list.</summary>
    /// <param name="PhoneNumber">E.164; null when the row has errors.</param>
    /// <param name="Digits">The E.164 number's digits, the duplicate check's key.</param>
    /// <param name="HasVoicemailMessage">The row leaves its own voicemail message (counted for the upload's report).</param>
    private readonly record struct CheckedRow(
        int RowNumber, string? PhoneNumber, long Digits, int RecipientStart, int RecipientLength, int ErrorStart, int ErrorCount, bool HasVoicemailMessage)
    {
        public static CheckedRow Rejected(int rowNumber, int errorStart, int errorCount) => new(rowNumber, null, 0, 0, 0, errorStart, errorCount, false);
    }

    /// <summary>
    /// Up to <see cref="ChunkRows"/> rows, checked on one thread and taken back whole; used again once taken, so its buffers
    /// are made once per file rather than once per chunk or per row.
    /// </summary>
    private sealed class RowChunk
    {
        public List<TabularRow> Rows { get; } = new(ChunkRows);

        /// <summary>One per row of <see cref="Rows"/>, in the same order.</summary>
        public CheckedRow[] Checked { get; } = new CheckedRow[ChunkRows];

        public List<RowError> Errors { get; } = [];

        /// <summary>The accepted rows' recipients, one after the other.</summary>
        public ArrayBufferWriter<byte> Recipients { get; } = new(ChunkRows * 256);

        public RowJson Json { get; } = new();

        public void CheckAll(ColumnMap columns, string defaultRegion, IngestionOptions limits, string? delimiter)
        {
            for (var i = 0; i < Rows.Count; i++)
            {
                Checked[i] = Check(Rows[i], columns, defaultRegion, limits, delimiter, this);
            }
        }

        public void Clear()
        {
            Rows.Clear();
            Errors.Clear();
            Recipients.ResetWrittenCount();
        }
    }

    private static CellValue Cell(TabularRow row, int index) => index < row.Cells.Count ? row.Cells[index] : CellValue.Empty;

    private static string Shorten(string value) => value.Length <= ReportedValueLength ? value : string.Concat(value.AsSpan(0, ReportedValueLength), "…");

    private static string Describe(string delimiter) => delimiter == "\t" ? "tab" : delimiter;

    /// <param name="Headers">Every column's header as written (trimmed), "" for unnamed columns.</param>
    private sealed record ColumnMap(
        IReadOnlyList<string> Headers,
        int PhoneIndex,
        int? TimeZoneIndex,
        int? VoicemailMessageIndex,
        IReadOnlyDictionary<string, int> Overrides,
        (JsonEncodedText Name, int Index)[] Variables)
    {
        public IReadOnlyList<string> OverrideColumns => [.. Overrides.Keys.Order(StringComparer.Ordinal)];

        /// <param name="phoneColumn">The phone_column setting: the header of the number column when it is not phone_number.</param>
        public static ColumnMap From(IReadOnlyList<string> headers, IngestionOptions limits, string? phoneColumn)
        {
            var trimmed = headers.Select(h => h.Trim().Trim('\uFEFF', '\u200B').Trim()).ToList();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < trimmed.Count; i++)
            {
                var normalized = RecipientColumns.Normalize(trimmed[i]);
                if (normalized.Length == 0)
                {
                    continue; // Exports pad rows with unnamed empty columns; a value under one is a row error.
                }

                if (!seen.TryAdd(normalized, i))
                {
                    throw new BatchRejectedException($"The column '{trimmed[i]}' appears twice (columns {seen[normalized] + 1} and {i + 1}). Column names must be unique.");
                }
            }

            if (seen.Count > limits.MaxColumns)
            {
                throw new BatchRejectedException(
                    $"The file has {seen.Count.ToString("N0", CultureInfo.InvariantCulture)} named columns; the limit is "
                    + $"{limits.MaxColumns.ToString("N0", CultureInfo.InvariantCulture)} (Ingestion__MaxColumns). Delete the columns the agent does not use.");
            }

            var phoneIndex = PhoneColumnIndex(seen, trimmed, phoneColumn);
            int? voicemailIndex = seen.TryGetValue(RecipientColumns.VoicemailMessage, out var voicemail) ? voicemail : null;
            var overrides = new Dictionary<string, int>(StringComparer.Ordinal);
            var variables = new List<(JsonEncodedText, int)>();
            foreach (var (normalized, index) in seen.OrderBy(c => c.Value))
            {
                if (index == phoneIndex || index == voicemailIndex)
                {
                    continue; // The voicemail message is said to a machine, not handed to the agent.
                }

                if (RecipientColumns.Overrides.Contains(normalized))
                {
                    overrides[normalized] = index;
                }
                else
                {
                    variables.Add((JsonEncodedText.Encode(trimmed[index]), index));
                }
            }

            int? timeZoneIndex = seen.TryGetValue(RecipientColumns.TimeZone, out var tz) ? tz : null;
            return new ColumnMap(trimmed, phoneIndex, timeZoneIndex, voicemailIndex, overrides, [.. variables]);
        }

        private static int PhoneColumnIndex(Dictionary<string, int> seen, List<string> headers, string? phoneColumn)
        {
            var named = phoneColumn is null ? "" : RecipientColumns.Normalize(phoneColumn);
            if (named.Length == 0 || named == RecipientColumns.PhoneNumber)
            {
                return seen.TryGetValue(RecipientColumns.PhoneNumber, out var phoneIndex)
                    ? phoneIndex
                    : throw new BatchRejectedException(MissingPhoneColumnMessage(headers));
            }

            if (!seen.TryGetValue(named, out var index))
            {
                throw new BatchRejectedException(
                    $"The phone_column setting names '{phoneColumn!.Trim()}', but the file has no such column. Columns found: {Found(headers)}.");
            }

            // ElevenLabs' own rule: a phone_number column is the number to call, so it cannot be an ordinary variable beside another number column.
            if (seen.TryGetValue(RecipientColumns.PhoneNumber, out var other))
            {
                throw new BatchRejectedException(
                    $"The phone_column setting names '{headers[index]}', but the file also has a phone_number column (column {other + 1}), which always holds "
                    + "the number to call. Remove the phone_column setting, or rename or delete the phone_number column.");
            }

            return index;
        }

        private static string Found(IReadOnlyList<string> headers) => string.Join(", ", headers.Where(h => h.Length > 0).Select(h => $"'{h}'"));

        private static string MissingPhoneColumnMessage(IReadOnlyList<string> headers)
        {
            var found = Found(headers);
            var nearMiss = headers.FirstOrDefault(h => IsNearMiss(new string([.. RecipientColumns.Normalize(h).Where(char.IsLetterOrDigit)])));
            var hint = nearMiss is null
                ? "Add a column named phone_number holding each recipient's number."
                : $"Did you mean '{nearMiss}'? Rename it to phone_number, or set phone_column to '{nearMiss}'.";
            return $"The file has no phone_number column, which is required. Columns found: {found}. {hint}";
        }

        /// <summary>A known alias, or a typo of phone_number (two edits or fewer: "phone_numbr", "phonenumer").</summary>
        private static bool IsNearMiss(string lettersAndDigits) =>
            lettersAndDigits.Length > 0
            && (RecipientColumns.PhoneNearMisses.Contains(lettersAndDigits) || EditDistance(lettersAndDigits, "phonenumber") <= 2);

        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            var current = new int[b.Length + 1];
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
