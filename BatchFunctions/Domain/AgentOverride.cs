using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

public sealed record AgentOverride(
    [property: JsonPropertyName("first_message")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? FirstMessage,
    [property: JsonPropertyName("language")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    string? Language,
    [property: JsonPropertyName("prompt")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    PromptOverride? Prompt);
