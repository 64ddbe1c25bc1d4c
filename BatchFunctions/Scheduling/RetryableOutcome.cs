using System.Text.Json.Serialization;

namespace BatchFunctions.Scheduling;

/// <summary>Outcomes after which a recipient may be called again automatically.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RetryableOutcome>))]
public enum RetryableOutcome
{
    [JsonStringEnumMemberName("busy")] Busy,
    [JsonStringEnumMemberName("no_answer")] NoAnswer,
    [JsonStringEnumMemberName("voicemail")] Voicemail,
    [JsonStringEnumMemberName("transient_failure")] TransientFailure,
}
