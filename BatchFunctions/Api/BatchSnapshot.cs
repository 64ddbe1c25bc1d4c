using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Api;

/// <summary>A batch as the API sees it now: its definition and its counters (empty until its entity exists).</summary>
public sealed record BatchSnapshot(BatchDefinition Definition, BatchState State)
{
    public BatchCallResponse Summary => BatchResponses.Summary(Definition, State);
}
