namespace BatchFunctions.Tests.Chaos;

/// <summary>One batch of a chaos run.</summary>
/// <param name="Index">Its place in the run (#0, #1, ...), as the schedule names it.</param>
/// <param name="Numbers">Its recipients, distinct across the run's batches.</param>
/// <param name="ConcurrencyLimit">Its <c>target_concurrency_limit</c>.</param>
/// <param name="DoNotCall">Recipients also on the batch's do-not-call list: never to be dialed.</param>
/// <param name="LoseTerminalCallback">Recipients whose calls never send their final status callback.</param>
public sealed record ChaosBatchPlan(
    int Index, IReadOnlyList<string> Numbers, int ConcurrencyLimit, IReadOnlyList<string> DoNotCall, IReadOnlyList<string> LoseTerminalCallback);
