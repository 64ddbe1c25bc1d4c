using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Entities;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// Runs operations on one entity in memory, the way the engine does (state and inputs round-trip
/// through the Durable JSON converter), and records the signals it sends. For branch-level tests;
/// the end-to-end tests run entities on the real engine.
/// </summary>
public sealed class EntityRunner<TEntity>(EntityInstanceId id, Func<TEntity> create)
    where TEntity : ITaskEntity
{
    private static readonly DataConverter Converter = JsonDataConverter.Default;
    private string? state;

    public EntityInstanceId Id { get; } = id;

    public List<(EntityInstanceId Target, string Operation, string? Input)> Signals { get; } = [];

    public async Task RunAsync(string operation, object? input = null) =>
        await create().RunAsync(new Operation(this, operation, Converter.Serialize(input)));

    public T? State<T>() => state is null ? default : Converter.Deserialize<T>(state);

    private sealed class Operation(EntityRunner<TEntity> runner, string name, string? input) : TaskEntityOperation
    {
        public override string Name => name;

        public override TaskEntityContext Context { get; } = new SignalRecorder(runner);

        public override TaskEntityState State { get; } = new StoredState(runner);

        public override bool HasInput => input is not null;

        public override object? GetInput(Type inputType) => Converter.Deserialize(input, inputType);
    }

    private sealed class StoredState(EntityRunner<TEntity> runner) : TaskEntityState
    {
        public override bool HasState => runner.state is not null;

        public override object? GetState(Type type) => Converter.Deserialize(runner.state, type);

        public override void SetState(object? state) => runner.state = Converter.Serialize(state);
    }

    private sealed class SignalRecorder(EntityRunner<TEntity> runner) : TaskEntityContext
    {
        public override EntityInstanceId Id => runner.Id;

        public override void SignalEntity(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null) =>
            runner.Signals.Add((id, operationName, Converter.Serialize(input)));

        public override string ScheduleNewOrchestration(TaskName name, object? input = null, StartOrchestrationOptions? options = null) =>
            throw new NotSupportedException("Entities here do not start orchestrations.");
    }
}
