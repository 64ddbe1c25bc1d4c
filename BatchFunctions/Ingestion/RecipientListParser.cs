using System.Text.Json;
using BatchFunctions.Batches;
using BatchFunctions.Domain;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Turns a tabular file into recipients: the phone column becomes an E.164 number, override columns
/// become ElevenLabs overrides and every other column a dynamic variable. Rows that cannot be called
/// are reported by row number, never dropped silently.
/// </summary>
public static class RecipientListParser
{
    public static ParsedRecipientList Parse(TabularFile file, string defaultRegion)
    {
        var columns = ColumnMap.From(file.Headers);
        var recipients = new List<Recipient>();
        var errors = new List<RowError>();
        var firstRowOfNumber = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in file.Rows)
        {
            var raw = Cell(row, columns.PhoneIndex);
            var e164 = PhoneNumberNormalizer.Normalize(raw, defaultRegion, out var phoneError);
            if (e164 is null)
            {
                errors.Add(new RowError(row.RowNumber, columns.PhoneHeader, raw, phoneError!));
                continue;
            }

            if (firstRowOfNumber.TryGetValue(e164, out var firstRow))
            {
                errors.Add(new RowError(row.RowNumber, columns.PhoneHeader, raw, $"Duplicate of row {firstRow} ({e164}); the number is called once."));
                continue;
            }

            firstRowOfNumber[e164] = row.RowNumber;
            recipients.Add(new Recipient(recipients.Count, row.RowNumber, e164, ClientData(row, columns)));
        }

        return new ParsedRecipientList(recipients, errors, columns.OverrideColumns, file.Description);
    }

    private static ConversationInitiationClientData ClientData(TabularRow row, ColumnMap columns)
    {
        var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, index) in columns.Variables)
        {
            var value = Cell(row, index);
            if (value.Length > 0)
            {
                variables[name] = JsonSerializer.SerializeToElement(value);
            }
        }

        string? Override(string column) =>
            columns.Overrides.TryGetValue(column, out var index) && Cell(row, index) is { Length: > 0 } value ? value : null;

        var firstMessage = Override(RecipientColumns.FirstMessage);
        var language = Override(RecipientColumns.Language);
        var systemPrompt = Override(RecipientColumns.SystemPrompt);
        var voiceId = Override(RecipientColumns.VoiceId);
        var agent = firstMessage is null && language is null && systemPrompt is null
            ? null
            : new AgentOverride(firstMessage, language, systemPrompt is null ? null : new PromptOverride(systemPrompt));
        var tts = voiceId is null ? null : new TtsOverride(voiceId);
        return new ConversationInitiationClientData(variables, agent is null && tts is null ? null : new ConversationConfigOverride(agent, tts));
    }

    private static string Cell(TabularRow row, int index) => index < row.Cells.Count ? row.Cells[index].Trim() : "";

    private sealed record ColumnMap(
        int PhoneIndex,
        string PhoneHeader,
        IReadOnlyDictionary<string, int> Overrides,
        IReadOnlyList<(string Name, int Index)> Variables)
    {
        public IReadOnlyList<string> OverrideColumns => [.. Overrides.Keys.Order(StringComparer.Ordinal)];

        public static ColumnMap From(IReadOnlyList<string> headers)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                var normalized = RecipientColumns.Normalize(headers[i]);
                if (normalized.Length == 0)
                {
                    throw new BatchRejectedException($"Column {i + 1} has no header. Give every column a name in the first row, or delete the empty column.");
                }

                if (!seen.TryAdd(normalized, i))
                {
                    throw new BatchRejectedException($"The column '{headers[i].Trim()}' appears twice (columns {seen[normalized] + 1} and {i + 1}). Column names must be unique.");
                }
            }

            if (!seen.TryGetValue(RecipientColumns.PhoneNumber, out var phoneIndex))
            {
                throw new BatchRejectedException(MissingPhoneColumnMessage(headers));
            }

            var overrides = new Dictionary<string, int>(StringComparer.Ordinal);
            var variables = new List<(string, int)>();
            foreach (var (normalized, index) in seen)
            {
                if (index == phoneIndex)
                {
                    continue;
                }

                if (RecipientColumns.Overrides.Contains(normalized))
                {
                    overrides[normalized] = index;
                }
                else
                {
                    variables.Add((headers[index].Trim(), index));
                }
            }

            return new ColumnMap(phoneIndex, headers[phoneIndex].Trim(), overrides, variables);
        }

        private static string MissingPhoneColumnMessage(IReadOnlyList<string> headers)
        {
            var found = string.Join(", ", headers.Select(h => $"'{h.Trim()}'"));
            var nearMiss = headers.FirstOrDefault(h =>
                RecipientColumns.PhoneNearMisses.Contains(new string([.. RecipientColumns.Normalize(h).Where(char.IsLetterOrDigit)])));
            var hint = nearMiss is null
                ? "Add a column named phone_number holding each recipient's number."
                : $"Did you mean '{nearMiss.Trim()}'? Rename it to phone_number.";
            return $"The file has no phone_number column, which is required. Columns found: {found}. {hint}";
        }
    }
}
