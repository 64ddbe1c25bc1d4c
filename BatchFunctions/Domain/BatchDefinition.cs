using BatchFunctions.Scheduling;

namespace BatchFunctions.Domain;

/// <summary>What a batch is, fixed when it is created. Recipients live in storage, not here.</summary>
/// <param name="ScheduledStart">When dialing may begin; null: at once.</param>
/// <param name="TimeZone">The IANA zone the operator scheduled in (ElevenLabs' timezone field).</param>
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
    DateTimeOffset? ScheduledStart = null,
    string? TimeZone = null,
    DialPlan? Plan = null,
    TelephonyCallConfig? Telephony = null);
