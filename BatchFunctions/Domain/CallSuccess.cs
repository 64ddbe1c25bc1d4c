using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>The agent's verdict on a call, overall (<c>call_successful</c>) or per evaluation criterion.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallSuccess>))]
public enum CallSuccess
{
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("success")] Success,
    [JsonStringEnumMemberName("failure")] Failure,
}
