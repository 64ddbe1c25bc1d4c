using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Entities;

namespace BatchFunctions.Functions.Entities;

/// <summary>One batch's definition, milestones and per-status counters: reading a batch is one entity read, whatever its size.</summary>
public sealed class BatchEntity : TaskEntity<BatchState>
{
    [Function(nameof(BatchEntity))]
    public static Task Run([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<BatchEntity>();

    public static EntityInstanceId IdFor(string batchId) => new(nameof(BatchEntity), batchId);

    public void Create(Domain.BatchDefinition definition) =>
        State = State with { Definition = State.Definition ?? definition, LastUpdatedAt = Latest(definition.CreatedAt) };

    public void MarkStarted(BatchMilestone milestone) =>
        State = State with { StartedAt = State.StartedAt ?? milestone.At, LastUpdatedAt = Latest(milestone.At) };

    public void MarkDispatchFinished(BatchMilestone milestone) =>
        State = State with { DispatchFinishedAt = State.DispatchFinishedAt ?? milestone.At, LastUpdatedAt = Latest(milestone.At) };

    public void Fail(BatchFailure failure) =>
        State = State with { Failure = State.Failure ?? failure, LastUpdatedAt = Latest(failure.At) };

    public void RecordTransition(StatusTransition transition) =>
        State = State with { Counts = State.RecipientCounts.Apply(transition), LastUpdatedAt = Latest(transition.At) };

    /// <summary>Forgets the batch: an entity whose state is null is deleted by the runtime.</summary>
    public void Delete() => State = null!;

    protected override BatchState InitializeState(TaskEntityOperation entityOperation) => new();

    private DateTimeOffset Latest(DateTimeOffset at) => State.LastUpdatedAt is { } last && last > at ? last : at;
}
