using BatchFunctions.Domain;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Batches;

/// <summary>What the operator asked for, before it is checked against ElevenLabs. Unset options take the app's defaults.</summary>
/// <param name="Source">Where the batch came from, for the report (e.g. "blob:uploads/list.csv").</param>
/// <param name="Region">Region for reading numbers written without a country code.</param>
/// <param name="ScheduledStart">When dialing may begin; null: at once.</param>
/// <param name="TimeZone">IANA zone of the schedule, also the zone of recipients whose own zone is unknown.</param>
public sealed record BatchRequest(
    string Name,
    string AgentId,
    string PhoneNumberId,
    int? TargetConcurrencyLimit,
    string Source,
    string Region = "US",
    DateTimeOffset? ScheduledStart = null,
    string? TimeZone = null,
    CallingWindow? Window = null,
    RetryRules? Retries = null,
    string? DoNotCallList = null,
    TelephonyCallConfig? Telephony = null);
