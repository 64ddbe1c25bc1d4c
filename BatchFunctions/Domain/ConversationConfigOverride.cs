using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

public sealed record ConversationConfigOverride(
    [property: JsonPropertyName("agent")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    AgentOverride? Agent,
    [property: JsonPropertyName("tts")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    TtsOverride? Tts);
