using DurableTask.Core;
using DurableTask.Core.Entities;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.DurableTask.Entities;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Entity signals and queries over DurableTask.Core, as the Durable Functions host performs them.</summary>
public sealed class CoreDurableEntityClient(IOrchestrationServiceClient service, EntityBackendQueries queries, DataConverter converter)
    : DurableEntityClient("core")
{
    public override Task SignalEntityAsync(EntityInstanceId id, string operationName, object? input = null, SignalEntityOptions? options = null, CancellationToken cancellation = default)
    {
        var signal = ClientEntityHelpers.EmitOperationSignal(
            new OrchestrationInstance { InstanceId = id.ToString() },
            Guid.NewGuid(),
            operationName,
            converter.Serialize(input),
            scheduledTimeUtc: null);
        return service.SendTaskOrchestrationMessageAsync(signal.AsTaskMessage());
    }

    public override async Task<EntityMetadata?> GetEntityAsync(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default) =>
        await queries.GetEntityAsync(new EntityId(id.Name, id.Key), includeState, includeStateless: false, cancellation) is { } found
            ? new EntityMetadata(id, found.SerializedState is null ? null : new SerializedData(found.SerializedState, converter)) { LastModifiedTime = found.LastModifiedTime }
            : null;

    public override async Task<EntityMetadata<T>?> GetEntityAsync<T>(EntityInstanceId id, bool includeState = true, CancellationToken cancellation = default) =>
        await queries.GetEntityAsync(new EntityId(id.Name, id.Key), includeState, includeStateless: false, cancellation) is { } found
            ? ToMetadata<T>(found)
            : null;

    public override AsyncPageable<EntityMetadata> GetAllEntitiesAsync(EntityQuery? filter = null) =>
        Query(filter, found => new EntityMetadata(
            new EntityInstanceId(found.EntityId.Name, found.EntityId.Key),
            found.SerializedState is null ? null : new SerializedData(found.SerializedState, converter)) { LastModifiedTime = found.LastModifiedTime });

    public override AsyncPageable<EntityMetadata<T>> GetAllEntitiesAsync<T>(EntityQuery? filter = null) => Query(filter, ToMetadata<T>);

    public override Task<CleanEntityStorageResult> CleanEntityStorageAsync(CleanEntityStorageRequest? request = null, bool continueUntilComplete = true, CancellationToken cancellation = default) =>
        throw new NotSupportedException("The app does not clean entity storage.");

    private AsyncPageable<TMetadata> Query<TMetadata>(EntityQuery? filter, Func<EntityBackendQueries.EntityMetadata, TMetadata> project)
        where TMetadata : notnull =>
        Pageable.Create<TMetadata>(async (continuation, pageSize, cancellation) =>
        {
            var result = await queries.QueryEntitiesAsync(
                new EntityBackendQueries.EntityQuery
                {
                    InstanceIdStartsWith = filter?.InstanceIdStartsWith,
                    IncludeState = filter?.IncludeState ?? true,
                    PageSize = pageSize ?? filter?.PageSize,
                    ContinuationToken = continuation ?? filter?.ContinuationToken,
                },
                cancellation);
            return new Page<TMetadata>([.. result.Results.Select(project)], result.ContinuationToken);
        });

    private EntityMetadata<T> ToMetadata<T>(EntityBackendQueries.EntityMetadata found) =>
        new(new EntityInstanceId(found.EntityId.Name, found.EntityId.Key), converter.Deserialize<T>(found.SerializedState)!)
        {
            LastModifiedTime = found.LastModifiedTime,
        };
}
