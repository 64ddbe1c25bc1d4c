using System.Text.Json;
using BatchFunctions.Domain;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>
/// Reads the summary of an ElevenLabs conversation (the GET /v1/convai/conversations/{id} body, which is also a
/// post-call webhook's <c>data</c>). Everything kept is bounded, so a summary always fits beside a recipient's row
/// (a table property holds 32K characters) however chatty the agent: longer texts are cut, extra fields dropped.
/// </summary>
public static class ConversationDetails
{
    public const int MaxSummaryLength = 2000;
    public const int MaxFields = 50;
    public const int MaxNameLength = 100;
    public const int MaxValueLength = 300;

    /// <summary>The conversation's status: <c>initiated</c>, <c>in-progress</c>, <c>processing</c>, <c>done</c> or <c>failed</c>.</summary>
    public static string? Status(JsonElement conversation) => String(conversation, "status");

    public static string? ConversationId(JsonElement conversation) => String(conversation, "conversation_id");

    /// <summary>Whether ElevenLabs has finished with the conversation, so its analysis will not change.</summary>
    public static bool IsFinal(JsonElement conversation) => Status(conversation) is "done" or "failed";

    public static ConversationSummary Summarize(JsonElement conversation, int attempt, ResultsSource source, DateTimeOffset at)
    {
        var analysis = conversation.TryGetProperty("analysis", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var metadata = conversation.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var data = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in Entries(analysis, "data_collection_results"))
        {
            data[Cut(field.Name, MaxNameLength)!] = field.Value.TryGetProperty("value", out var value) ? Text(value) : null;
        }

        var evaluation = new Dictionary<string, EvaluationResult>(StringComparer.Ordinal);
        foreach (var criterion in Entries(analysis, "evaluation_criteria_results"))
        {
            evaluation[Cut(criterion.Name, MaxNameLength)!] = new EvaluationResult(Success(String(criterion.Value, "result")), Cut(String(criterion.Value, "rationale"), MaxValueLength));
        }

        int? duration = metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("call_duration_secs", out var d) && d.TryGetInt32(out var secs) ? secs : null;
        return new ConversationSummary(
            ConversationId(conversation) ?? "",
            attempt,
            analysis.ValueKind == JsonValueKind.Object ? Success(String(analysis, "call_successful")) : CallSuccess.Unknown,
            analysis.ValueKind == JsonValueKind.Object ? Cut(String(analysis, "transcript_summary"), MaxSummaryLength) : null,
            data,
            evaluation,
            duration,
            metadata.ValueKind == JsonValueKind.Object ? Cut(String(metadata, "termination_reason"), MaxValueLength) : null,
            conversation.TryGetProperty("has_audio", out var audio) && audio.ValueKind == JsonValueKind.True,
            source,
            at);
    }

    private static IEnumerable<JsonProperty> Entries(JsonElement analysis, string name) =>
        analysis.ValueKind == JsonValueKind.Object && analysis.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object
            ? map.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object).Take(MaxFields)
            : [];

    private static CallSuccess Success(string? wire) => wire switch
    {
        "success" => CallSuccess.Success,
        "failure" => CallSuccess.Failure,
        _ => CallSuccess.Unknown,
    };

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Cut(value.GetString(), MaxValueLength),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => Cut(value.GetRawText(), MaxValueLength),
    };

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
