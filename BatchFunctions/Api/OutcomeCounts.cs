namespace BatchFunctions.Api;

/// <summary>How many conversations the agent judged successful, unsuccessful or could not tell.</summary>
public sealed record OutcomeCounts(int Success, int Failure, int Unknown);
