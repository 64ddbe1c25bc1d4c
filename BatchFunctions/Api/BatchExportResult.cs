using System.Globalization;
using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Ingestion;
using CsvHelper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BatchFunctions.Api;

/// <summary>
/// The export: one CSV row per recipient joining what was submitted (phone number, every dynamic
/// variable, every override) with what happened and what the conversation achieved (the agent's verdict
/// and summary, one column per data-collection field and per evaluation criterion). Written while it is read. Values come from
/// uploaded files and callers, so cells a spreadsheet would run as formulas are escaped (a leading
/// apostrophe, which Excel shows as "this is text"; numbers such as +14155550123 get it too).
/// </summary>
public sealed class BatchExportResult(
    string batchId,
    ExportColumns columns,
    IAsyncEnumerable<RecipientOutcome> recipients,
    RecipientStatus undialed) : IActionResult
{
    /// <summary>The outcome columns, after the input columns.</summary>
    public static readonly IReadOnlyList<string> OutcomeColumns =
    [
        "recipient_id", "row_number", "status", "failure_reason", "failure_detail", "attempts", "call_sid",
        "answered_by", "duration_secs", "conversation_id", "dispatched_at", "answered_at", "ended_at", "updated_at",
        "call_successful", "transcript_summary",
    ];

    /// <summary>Prefix of the column holding a data-collection field's value, e.g. <c>data_collection.plan</c>.</summary>
    public const string DataFieldPrefix = "data_collection.";

    /// <summary>Prefix of the column holding an evaluation criterion's result, e.g. <c>evaluation.interested</c>.</summary>
    public const string CriterionPrefix = "evaluation.";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{batchId}.csv\"";

        await using var csv = CsvWriter.Create(
            response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true);
        await csv.WriteRecordAsync([.. Header()], cancellationToken);
        await foreach (var outcome in recipients.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync(Row(outcome), cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private IEnumerable<string> Header()
    {
        yield return RecipientColumns.PhoneNumber;
        foreach (var column in columns.Variables.Concat(columns.Overrides))
        {
            // An input column named like an outcome column keeps both, told apart.
            yield return OutcomeColumns.Contains(column) || column == RecipientColumns.PhoneNumber ? column + " (input)" : column;
        }

        foreach (var column in OutcomeColumns)
        {
            yield return column;
        }

        foreach (var field in columns.DataFields)
        {
            yield return DataFieldPrefix + field;
        }

        foreach (var criterion in columns.Criteria)
        {
            yield return CriterionPrefix + criterion;
        }
    }

    private string?[] Row(RecipientOutcome outcome)
    {
        var (recipient, call, results) = (outcome.Recipient, outcome.Call, outcome.Results);
        var row = new List<string?>(1 + columns.Variables.Count + columns.Overrides.Count + OutcomeColumns.Count + columns.DataFields.Count + columns.Criteria.Count)
        {
            recipient.PhoneNumber,
        };
        foreach (var column in columns.Variables)
        {
            row.Add(recipient.ClientData.DynamicVariables.TryGetValue(column, out var value) ? Text(value) : null);
        }

        var agent = recipient.ClientData.ConversationConfigOverride?.Agent;
        foreach (var column in columns.Overrides)
        {
            row.Add(column switch
            {
                RecipientColumns.FirstMessage => agent?.FirstMessage,
                RecipientColumns.Language => agent?.Language,
                RecipientColumns.SystemPrompt => agent?.Prompt?.Prompt,
                RecipientColumns.VoicemailMessage => recipient.VoicemailMessage,
                _ => recipient.ClientData.ConversationConfigOverride?.Tts?.VoiceId,
            });
        }

        row.Add(recipient.Id ?? recipient.Index.ToString(CultureInfo.InvariantCulture));
        row.Add(recipient.RowNumber.ToString(CultureInfo.InvariantCulture));
        row.Add(JsonName(call?.Status ?? undialed));
        row.Add(call?.FailureReason is { } reason ? JsonName(reason) : null);
        row.Add(call?.FailureDetail);
        row.Add((call?.Attempt ?? 0).ToString(CultureInfo.InvariantCulture));
        row.Add(call?.CallSid);
        row.Add(call?.AnsweredBy);
        row.Add(call?.DurationSeconds?.ToString(CultureInfo.InvariantCulture));
        row.Add(call?.ConversationId ?? results?.ConversationId);
        row.Add(Timestamp(call?.DispatchedAt));
        row.Add(Timestamp(call?.AnsweredAt));
        row.Add(Timestamp(call?.EndedAt));
        row.Add(Timestamp(call?.UpdatedAt));
        row.Add(results is null ? null : JsonName(results.CallSuccessful));
        row.Add(results?.TranscriptSummary);
        foreach (var field in columns.DataFields)
        {
            row.Add(results?.DataCollection.GetValueOrDefault(field));
        }

        foreach (var criterion in columns.Criteria)
        {
            row.Add(results?.Evaluation.GetValueOrDefault(criterion) is { } evaluation ? JsonName(evaluation.Result) : null);
        }

        return [.. row];
    }

    /// <summary>The dynamic variable and override columns of a batch, in order of first appearance.</summary>
    public static (IReadOnlyList<string> Variables, IReadOnlyList<string> Overrides) ColumnsOf(IEnumerable<Recipient> recipients)
    {
        var columns = new ColumnCollector();
        foreach (var recipient in recipients)
        {
            columns.Add(new RecipientOutcome(recipient, null));
        }

        var found = columns.Columns();
        return (found.Variables, found.Overrides);
    }

    /// <summary>
    /// Every column of the batch, found in one streamed pass: memory grows with the number of distinct column names,
    /// never with the number of recipients, so the header of a 100k-recipient export costs what a 10k one does.
    /// </summary>
    public static async Task<ExportColumns> ColumnsOfAsync(IAsyncEnumerable<RecipientOutcome> outcomes, CancellationToken cancellationToken)
    {
        var columns = new ColumnCollector();
        await foreach (var outcome in outcomes.WithCancellation(cancellationToken))
        {
            columns.Add(outcome);
        }

        return columns.Columns();
    }

    private sealed class ColumnCollector
    {
        private readonly OrderedSet variables = new();
        private readonly SortedSet<string> overrides = new(StringComparer.Ordinal);
        private readonly OrderedSet dataFields = new();
        private readonly OrderedSet criteria = new();

        public void Add(RecipientOutcome outcome)
        {
            var recipient = outcome.Recipient;
            foreach (var name in recipient.ClientData.DynamicVariables.Keys)
            {
                variables.Add(name);
            }

            var configOverride = recipient.ClientData.ConversationConfigOverride;
            AddIf(configOverride?.Agent?.FirstMessage, RecipientColumns.FirstMessage);
            AddIf(configOverride?.Agent?.Language, RecipientColumns.Language);
            AddIf(configOverride?.Agent?.Prompt?.Prompt, RecipientColumns.SystemPrompt);
            AddIf(configOverride?.Tts?.VoiceId, RecipientColumns.VoiceId);

            // Not an override, but a special input column all the same: it goes back into the sheet as it came.
            AddIf(recipient.VoicemailMessage, RecipientColumns.VoicemailMessage);
            if (outcome.Results is { } results)
            {
                foreach (var field in results.DataCollection.Keys)
                {
                    dataFields.Add(field);
                }

                foreach (var criterion in results.Evaluation.Keys)
                {
                    criteria.Add(criterion);
                }
            }
        }

        public ExportColumns Columns() => new(variables.Items, [.. overrides], dataFields.Items, criteria.Items);

        private void AddIf(string? value, string column)
        {
            if (value is not null)
            {
                overrides.Add(column);
            }
        }
    }

    private sealed class OrderedSet
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private readonly List<string> items = [];

        public IReadOnlyList<string> Items => items;

        public void Add(string item)
        {
            if (seen.Add(item))
            {
                items.Add(item);
            }
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string JsonName<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options).Trim('"');

    private static string? Timestamp(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
