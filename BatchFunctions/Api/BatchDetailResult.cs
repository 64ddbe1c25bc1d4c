using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace BatchFunctions.Api;

/// <summary>
/// BatchCallDetailedResponse written as it is read: the summary, then each recipient as its block
/// arrives, so a batch of any size is served with bounded memory and the first bytes leave early.
/// </summary>
public sealed class BatchDetailResult(BatchCallResponse summary, IAsyncEnumerable<BatchRecipientResponse> recipients) : IActionResult
{
    private const int FlushThresholdBytes = 32 * 1024;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        var body = response.BodyWriter;
        await using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        foreach (var property in JsonSerializer.SerializeToElement(summary, ApiJson.Options).EnumerateObject())
        {
            property.WriteTo(json);
        }

        json.WritePropertyName("recipients");
        json.WriteStartArray();
        await foreach (var recipient in recipients.WithCancellation(cancellationToken))
        {
            JsonSerializer.Serialize(json, recipient, ApiJson.Options);
            if (json.BytesPending > FlushThresholdBytes)
            {
                await json.FlushAsync(cancellationToken);
                await body.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await body.FlushAsync(cancellationToken);
    }
}
