namespace BatchFunctions.Domain;

/// <summary>What a batch is, fixed when it is created. Recipients live in storage, not here.</summary>
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
    string Source);
