using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>
/// What the dispatcher is actually doing, as only its orchestration knows it: the settings it uses
/// (which an operator's command changes only once the orchestration has applied it), the slots it
/// holds, and what it waits for.
/// </summary>
/// <param name="ConcurrencyLimit">The limit the dispatcher applies now.</param>
/// <param name="Leased">Slots held in the workspace budget.</param>
/// <param name="Waiting">Why nothing is being dialed now; null while dialing or done.</param>
public sealed record BatchRuntime(bool Paused, int ConcurrencyLimit, int Leased, Waiting? Waiting);
