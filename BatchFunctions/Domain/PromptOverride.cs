using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

public sealed record PromptOverride([property: JsonPropertyName("prompt")] string Prompt);
