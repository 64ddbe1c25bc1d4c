using BatchFunctions.Scheduling;

namespace BatchFunctions.Domain;

/// <summary>What a batch is, fixed when it is created. Recipients live in storage, not here.</summary>
/// <param name="ScheduledAt">When dialing may start (ElevenLabs' scheduled_time_unix); null = at once.</param>
/// <param name="Timezone">The IANA time zone the schedule was given in, reported back as given.</param>
/// <param name="TelephonyCallConfig">ElevenLabs' telephony_call_config as submitted; null = the app's defaults.</param>
/// <param name="Plan">When and how often to dial: calling window, retry rules, do-not-call list.</param>
/// <param name="VoicemailMessage">Said after the beep when an answering machine takes a call (ours); null: the agent takes every answered call.</param>
public sealed record BatchDefinition(
    string BatchId,
    string Name,
    string AgentId,
    string AgentName,
    string PhoneNumberId,
    string FromNumber,
    PhoneProvider Provider,
    int TotalRecipients,
    int Concurrency,
    int? TargetConcurrencyLimit,
    DateTimeOffset CreatedAt,
    string Source,
    DateTimeOffset? ScheduledAt = null,
    string? Timezone = null,
    TelephonyCallConfig? TelephonyCallConfig = null,
    DialPlan? Plan = null,
    string? VoicemailMessage = null);
