namespace BatchFunctions.Batches;

/// <summary>What the operator asked for, before it is checked against ElevenLabs.</summary>
/// <param name="Source">Where the batch came from, for the report (e.g. "blob:uploads/list.csv").</param>
/// <param name="ScheduledAt">When dialing may start; null = at once.</param>
/// <param name="Timezone">IANA time zone the schedule was given in.</param>
/// <param name="TelephonyCallConfig">ElevenLabs' telephony_call_config, when the API caller sent one.</param>
public sealed record BatchRequest(
    string Name,
    string AgentId,
    string PhoneNumberId,
    int? TargetConcurrencyLimit,
    string Source,
    DateTimeOffset? ScheduledAt = null,
    string? Timezone = null,
    Domain.TelephonyCallConfig? TelephonyCallConfig = null);
