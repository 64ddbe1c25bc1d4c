using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Batches;

/// <summary>What the operator asked for, before it is checked against ElevenLabs. Unset options take the app's defaults.</summary>
/// <param name="Source">Where the batch came from, for the report (e.g. "blob:uploads/list.csv").</param>
/// <param name="Region">Region for reading numbers written without a country code.</param>
/// <param name="ScheduledAt">When dialing may begin (ElevenLabs' scheduled_time_unix); null: at once.</param>
/// <param name="Timezone">IANA zone of the schedule, also the zone of recipients whose own zone is unknown.</param>
/// <param name="TelephonyCallConfig">ElevenLabs' telephony_call_config; null: the app's defaults.</param>
/// <param name="VoicemailMessage">Left after the beep on answering machines (ours); recipients may have their own.</param>
public sealed record BatchRequest(
    string Name,
    string AgentId,
    string PhoneNumberId,
    int? TargetConcurrencyLimit,
    string Source,
    string Region = "US",
    DateTimeOffset? ScheduledAt = null,
    string? Timezone = null,
    CallingWindow? Window = null,
    RetryRules? Retries = null,
    string? DoNotCallList = null,
    TelephonyCallConfig? TelephonyCallConfig = null,
    string? VoicemailMessage = null);
