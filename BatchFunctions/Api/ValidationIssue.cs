using System.Text.Json.Serialization;

namespace BatchFunctions.Api;

/// <summary>
/// One field at fault, as FastAPI (ElevenLabs' API) reports it: where (loc, e.g. ["body", "recipients",
/// 3, "phone_number"]), what is wrong (msg) and pydantic's error type.
/// </summary>
/// <param name="Loc">Path to the field: "body" or "query" first, then names and list indexes.</param>
public sealed record ValidationIssue(
    string Type,
    IReadOnlyList<object> Loc,
    string Msg,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Input = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Ctx = null)
{
    public static ValidationIssue Missing(IReadOnlyList<object> loc) => new("missing", loc, "Field required");

    /// <summary>Pydantic's value_error, whose message starts "Value error, ".</summary>
    public static ValidationIssue Value(IReadOnlyList<object> loc, string message, object? input = null) =>
        new("value_error", loc, "Value error, " + message, input);
}
