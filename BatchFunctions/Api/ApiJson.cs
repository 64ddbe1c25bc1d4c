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
    };
}
