namespace BatchFunctions.Batches;

/// <summary>What the operator asked for, before it is checked against ElevenLabs.</summary>
/// <param name="Source">Where the batch came from, for the report (e.g. "blob:uploads/list.csv").</param>
public sealed record BatchRequest(string Name, string AgentId, string PhoneNumberId, int? TargetConcurrencyLimit, string Source);
