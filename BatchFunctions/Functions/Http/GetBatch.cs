using BatchFunctions.Api;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace BatchFunctions.Functions.Http;

/// <summary>GET /v1/convai/batch-calling/{batch_id}: the batch, its counters and every recipient's status.</summary>
public sealed class GetBatch(ApiKeyAuthenticator authenticator, RecipientStore recipients)
{
    private const int EntityPageSize = 1000;

    [Function(nameof(GetBatch))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/convai/batch-calling/{batchId}")] HttpRequest request,
        string batchId,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        if (!authenticator.IsAuthorized(request))
        {
            return ApiError.Unauthorized();
        }

        var batch = await durable.Entities.GetEntityAsync<BatchState>(BatchEntity.IdFor(batchId), cancellation: cancellationToken);
        if (batch?.State.Definition is not { } definition)
        {
            return ApiError.NotFound($"There is no batch '{batchId}'.");
        }

        var calls = new Dictionary<int, CallState>();
        var query = new EntityQuery { InstanceIdStartsWith = CallEntity.QueryPrefixFor(batchId), IncludeState = true, PageSize = EntityPageSize };
        await foreach (var call in durable.Entities.GetAllEntitiesAsync<CallState>(query).WithCancellation(cancellationToken))
        {
            calls[call.State.RecipientIndex] = call.State;
        }

        var recipientResponses = new List<BatchRecipientResponse>(definition.TotalRecipients);
        await foreach (var recipient in recipients.ListAsync(batchId, cancellationToken))
        {
            recipientResponses.Add(BatchResponses.Recipient(recipient, calls.GetValueOrDefault(recipient.Index), definition.CreatedAt, batch.State.Status));
        }

        var response = BatchResponses.Summary(definition, batch.State) with { Recipients = recipientResponses };
        return new JsonResult(response, ApiJson.Options);
    }
}
