using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

public sealed record TtsOverride([property: JsonPropertyName("voice_id")] string VoiceId);
