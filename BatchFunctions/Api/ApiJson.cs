using System.Text.Json;
using System.Text.Json.Serialization;

namespace BatchFunctions.Api;

/// <summary>ElevenLabs' wire style: snake_case names, enums as their wire strings, nulls written out.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Phone numbers and messages read as written ("+1...", "don't"), as ElevenLabs' API writes them;
        // the default encoder would write \u002B and \u0027. These bodies are JSON, never HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
