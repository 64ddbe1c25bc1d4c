using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

/// <summary>Why a recipient's call did not reach the agent. ElevenLabs has no such field; we add it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FailureReason>))]
public enum FailureReason
{
    [JsonStringEnumMemberName("busy")] Busy,
    [JsonStringEnumMemberName("no_answer")] NoAnswer,
    [JsonStringEnumMemberName("call_failed")] CallFailed,
    [JsonStringEnumMemberName("canceled")] Canceled,
    [JsonStringEnumMemberName("number_rejected")] NumberRejected,
    [JsonStringEnumMemberName("provider_unavailable")] ProviderUnavailable,
    [JsonStringEnumMemberName("configuration_error")] ConfigurationError,
    [JsonStringEnumMemberName("agent_unavailable")] AgentUnavailable,
    [JsonStringEnumMemberName("do_not_call")] DoNotCall,
    [JsonStringEnumMemberName("outcome_unknown")] OutcomeUnknown,

    /// <summary>No time within a week is inside the calling window in every zone the recipient may be in.</summary>
    [JsonStringEnumMemberName("outside_calling_window")] OutsideCallingWindow,

    /// <summary>
    /// An answering machine took the call and the batch's (or recipient's) voicemail message was left after its beep;
    /// the recipient's status is voicemail. Not a fault: it says what happened instead of a conversation.
    /// </summary>
    [JsonStringEnumMemberName("voicemail_message_left")] VoicemailMessageLeft,
}
