using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>How a conversation's results reached us.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResultsSource>))]
public enum ResultsSource
{
    /// <summary>ElevenLabs' post-call webhook.</summary>
    [JsonStringEnumMemberName("webhook")] Webhook,

    /// <summary>Fetched from GET /v1/convai/conversations/{id} because no webhook came in time.</summary>
    [JsonStringEnumMemberName("fetched")] Fetched,
}
