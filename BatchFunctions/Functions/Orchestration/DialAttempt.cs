namespace BatchFunctions.Functions.Orchestration;

/// <summary>Input of <see cref="PlaceCall"/>: which recipient, which attempt, from which number.</summary>
public sealed record DialAttempt(string BatchId, int RecipientIndex, int Attempt, string FromNumber);
