using DurableTask.Core.Entities;
using DurableTask.Core.Entities.OperationFormat;
using Microsoft.DurableTask.Worker.Shims;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// DurableTask.Core asks for an entity by name only, but the SDK's shim needs the entity's id; the
/// id arrives with each batch of operations, so the shim is built per batch.
/// </summary>
internal sealed class EntityShim(DurableTaskShimFactory factory, string name, Func<Microsoft.DurableTask.Entities.ITaskEntity> create) : TaskEntity
{
    public override Task<EntityBatchResult> ExecuteOperationBatchAsync(EntityBatchRequest operations)
    {
        var entity = factory.CreateEntity(name, create(), EntityId.FromString(operations.InstanceId!));
        return entity.ExecuteOperationBatchAsync(operations);
    }
}
