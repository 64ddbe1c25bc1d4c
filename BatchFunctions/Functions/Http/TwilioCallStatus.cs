using BatchFunctions.Api;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Functions.Orchestration;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// Twilio's status callbacks. Only signed requests are believed. Each callback goes to the call's
/// entity, which ignores repeats and stale ones; a final status also frees the call's slot in the
/// batch orchestrator.
/// </summary>
[WithoutApiKey("Twilio cannot send our key; it signs its requests, and TwilioRequestAuthenticator refuses unsigned ones.")]
public sealed partial class TwilioCallStatus(TwilioRequestAuthenticator authenticator, AttemptStore attempts, TimeProvider clock, ILogger<TwilioCallStatus> logger)
{
    [Function(nameof(TwilioCallStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = TwilioRoutes.Status)] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        if (!authenticator.IsAuthentic(request, form))
        {
            LogForged(request.Path);
            return new StatusCodeResult(StatusCodes.Status403Forbidden);
        }

        if (TwilioRoutes.Read(request.Query) is not { } target)
        {
            return new BadRequestObjectResult("The callback URL lacks batch_id, recipient or attempt.");
        }

        if (TwilioStatusCallback.Parse(form, target.Attempt, clock.GetUtcNow(), out var error) is not { } progress)
        {
            return new BadRequestObjectResult(error);
        }

        if (progress.SequenceNumber <= FirstCallbacks)
        {
            // The call exists and is this attempt's: proof for an attempt whose dial answer was lost.
            await attempts.RecordCallbackAsync(target.BatchId, new AttemptId(target.RecipientIndex, target.Attempt), progress.CallSid, cancellationToken);
        }

        await durable.Entities.SignalEntityAsync(
            CallEntity.IdFor(target.BatchId, target.RecipientIndex), nameof(CallEntity.ApplyProgress), progress, cancellation: cancellationToken);
        if (progress.IsFinal)
        {
            await durable.RaiseEventAsync(
                target.BatchId,
                CallEnded.EventName,
                new CallEnded(target.RecipientIndex, target.Attempt, RetryableOutcomes.Of(progress), CallOutcomes.FinalStatus(progress.Status, progress.AnsweredBy, agentUnavailable: false)),
                cancellationToken);
        }

        LogProgress(target.BatchId, target.RecipientIndex, target.Attempt, progress.Status, progress.SequenceNumber);
        return new NoContentResult();
    }

    /// <summary>The first callbacks of a call (initiated, ringing) bind its id to the attempt; one is enough, two survive one loss.</summary>
    private const int FirstCallbacks = 1;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a status callback to {Path} without a valid Twilio signature")]
    private partial void LogForged(string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Batch {BatchId} recipient {RecipientIndex} attempt {Attempt}: {CallStatus} (#{SequenceNumber})")]
    private partial void LogProgress(string batchId, int recipientIndex, int attempt, ProviderCallStatus callStatus, int sequenceNumber);
}
