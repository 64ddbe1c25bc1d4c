using System.Globalization;
using System.Text.Json;
using BatchFunctions.Batches;
using Microsoft.AspNetCore.Http;

namespace BatchFunctions.Api;

/// <summary>Reading request bodies and query parameters with FastAPI's error reports.</summary>
public static class ApiRequests
{
    /// <returns>The parsed body, or null with an issue in <paramref name="issues"/> saying where the JSON broke.</returns>
    public static async Task<JsonDocument?> ReadJsonAsync(HttpRequest request, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken);
        }
        catch (JsonException e)
        {
            issues.Add(new ValidationIssue("json_invalid", ["body", (int)(e.BytePositionInLine ?? 0)], "JSON decode error", Ctx: new { error = e.Message }));
            return null;
        }
    }

    /// <returns>The value (or <paramref name="defaultValue"/> when absent), or null with an issue when it is not an integer in range.</returns>
    public static int? IntQuery(HttpRequest request, string name, int? defaultValue, int min, int max, List<ValidationIssue> issues)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            issues.Add(new ValidationIssue("int_parsing", ["query", name], "Input should be a valid integer, unable to parse string as an integer", text));
            return null;
        }

        if (value < min)
        {
            issues.Add(new ValidationIssue("greater_than_equal", ["query", name], $"Input should be greater than or equal to {min}", text));
            return null;
        }

        if (value > max)
        {
            issues.Add(new ValidationIssue("less_than_equal", ["query", name], $"Input should be less than or equal to {max}", text));
            return null;
        }

        return value;
    }

    public static bool BoolQuery(HttpRequest request, string name, List<ValidationIssue> issues)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return false;
        }

        if (text is "true" or "1" or "yes" or "on" or "True")
        {
            return true;
        }

        if (text is "false" or "0" or "no" or "off" or "False")
        {
            return false;
        }

        issues.Add(new ValidationIssue("bool_parsing", ["query", name], "Input should be a valid boolean, unable to interpret input", text));
        return false;
    }

    /// <summary>Where a rejection by the batch launcher points in a submit body.</summary>
    public static ValidationIssue IssueFor(BatchRejectedException rejection) => ValidationIssue.Value(
        rejection.Setting switch
        {
            BatchSetting.AgentId => ["body", "agent_id"],
            BatchSetting.PhoneNumberId => ["body", "agent_phone_number_id"],
            BatchSetting.Recipients or BatchSetting.Overrides => ["body", "recipients"],
            BatchSetting.VoicemailMessage => ["body", "voicemail_message"],
            _ => ["body"],
        },
        rejection.Message);
}
