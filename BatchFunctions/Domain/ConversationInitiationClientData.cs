using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>
/// What ElevenLabs receives for one recipient: dynamic variables and per-call overrides, with
/// ElevenLabs' wire names fixed here so every serializer (API, register-call, storage) agrees.
/// </summary>
public sealed record ConversationInitiationClientData(
    [property: JsonPropertyName("dynamic_variables")] IReadOnlyDictionary<string, JsonElement> DynamicVariables,
    [property: JsonPropertyName("conversation_config_override")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    ConversationConfigOverride? ConversationConfigOverride = null);
