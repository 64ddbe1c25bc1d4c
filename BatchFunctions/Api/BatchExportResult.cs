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
/// variable, every override) with what happened. Written while it is read. Values come from
/// uploaded files and callers, so cells a spreadsheet would run as formulas are escaped (a leading
/// apostrophe, which Excel shows as "this is text"; numbers such as +14155550123 get it too).
/// </summary>
public sealed class BatchExportResult(
    string batchId,
    IReadOnlyList<string> variableColumns,
    IReadOnlyList<string> overrideColumns,
    IAsyncEnumerable<RecipientOutcome> recipients) : IActionResult
{
    /// <summary>The outcome columns, after the input columns.</summary>
    public static readonly IReadOnlyList<string> OutcomeColumns =
    [
        "recipient_id", "row_number", "status", "failure_reason", "failure_detail", "attempts", "call_sid",
        "answered_by", "duration_secs", "conversation_id", "dispatched_at", "answered_at", "ended_at", "updated_at",
    ];

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
        foreach (var column in variableColumns.Concat(overrideColumns))
        {
            // An input column named like an outcome column keeps both, told apart.
            yield return OutcomeColumns.Contains(column) || column == RecipientColumns.PhoneNumber ? column + " (input)" : column;
        }

        foreach (var column in OutcomeColumns)
        {
            yield return column;
        }
    }

    private string?[] Row(RecipientOutcome outcome)
    {
        var (recipient, call) = (outcome.Recipient, outcome.Call);
        var row = new List<string?>(1 + variableColumns.Count + overrideColumns.Count + OutcomeColumns.Count) { recipient.PhoneNumber };
        foreach (var column in variableColumns)
        {
            row.Add(recipient.ClientData.DynamicVariables.TryGetValue(column, out var value) ? Text(value) : null);
        }

        var agent = recipient.ClientData.ConversationConfigOverride?.Agent;
        foreach (var column in overrideColumns)
        {
            row.Add(column switch
            {
                RecipientColumns.FirstMessage => agent?.FirstMessage,
                RecipientColumns.Language => agent?.Language,
                RecipientColumns.SystemPrompt => agent?.Prompt?.Prompt,
                _ => recipient.ClientData.ConversationConfigOverride?.Tts?.VoiceId,
            });
        }

        row.Add(recipient.Id ?? recipient.Index.ToString(CultureInfo.InvariantCulture));
        row.Add(recipient.RowNumber.ToString(CultureInfo.InvariantCulture));
        row.Add(JsonName(call?.Status ?? RecipientStatus.Pending));
        row.Add(call?.FailureReason is { } reason ? JsonName(reason) : null);
        row.Add(call?.FailureDetail);
        row.Add((call?.Attempt ?? 0).ToString(CultureInfo.InvariantCulture));
        row.Add(call?.CallSid);
        row.Add(call?.AnsweredBy);
        row.Add(call?.DurationSeconds?.ToString(CultureInfo.InvariantCulture));
        row.Add(null);
        row.Add(Timestamp(call?.DispatchedAt));
        row.Add(Timestamp(call?.AnsweredAt));
        row.Add(Timestamp(call?.EndedAt));
        row.Add(Timestamp(call?.UpdatedAt));
        return [.. row];
    }

    /// <summary>The dynamic variable and override columns of a batch, in order of first appearance.</summary>
    public static (IReadOnlyList<string> Variables, IReadOnlyList<string> Overrides) ColumnsOf(IEnumerable<Recipient> recipients)
    {
        var variables = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var overrides = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var recipient in recipients)
        {
            foreach (var name in recipient.ClientData.DynamicVariables.Keys)
            {
                if (seen.Add(name))
                {
                    variables.Add(name);
                }
            }

            var configOverride = recipient.ClientData.ConversationConfigOverride;
            AddIf(overrides, configOverride?.Agent?.FirstMessage, RecipientColumns.FirstMessage);
            AddIf(overrides, configOverride?.Agent?.Language, RecipientColumns.Language);
            AddIf(overrides, configOverride?.Agent?.Prompt?.Prompt, RecipientColumns.SystemPrompt);
            AddIf(overrides, configOverride?.Tts?.VoiceId, RecipientColumns.VoiceId);
        }

        return (variables, [.. overrides]);
    }

    private static void AddIf(SortedSet<string> columns, string? value, string column)
    {
        if (value is not null)
        {
            columns.Add(column);
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
