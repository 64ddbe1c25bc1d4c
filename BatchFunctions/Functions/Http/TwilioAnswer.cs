using BatchFunctions.Api;
using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Functions.Orchestration;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;
using Microsoft.Extensions.Logging;
using Twilio.TwiML;

namespace BatchFunctions.Functions.Http;

/// <summary>
/// Twilio fetches this when the callee answers. ElevenLabs' register-call returns the TwiML that
/// connects the call to the agent with this recipient's dynamic variables and overrides; it is
/// handed back to Twilio verbatim. When the batch or recipient has a voicemail message and Twilio reports that an
/// answering machine's greeting has ended, the message is said instead (no agent, no conversation) and the call hangs up.
/// </summary>
[WithoutApiKey("Twilio cannot send our key; it signs its requests, and TwilioRequestAuthenticator refuses unsigned ones.")]
public sealed partial class TwilioAnswer(
    TwilioRequestAuthenticator authenticator,
    RecipientStore recipients,
    ElevenLabsClient elevenLabs,
    ConversationFollowUp followUp,
    TimeProvider clock,
    ILogger<TwilioAnswer> logger)
{
    /// <summary>Said to a person whose call cannot reach the agent, rather than leaving them in silence.</summary>
    private const string ApologyTwiml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Sorry, we cannot take this call right now. Goodbye.</Say><Hangup/></Response>";

    [Function(nameof(TwilioAnswer))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = TwilioRoutes.Answer)] HttpRequest request,
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
            return new BadRequestObjectResult("The answer URL lacks batch_id, recipient or attempt.");
        }

        EntityMetadata<BatchState>? batch;
        Recipient? recipient;
        try
        {
            batch = await durable.Entities.GetEntityAsync<BatchState>(BatchEntity.IdFor(target.BatchId), cancellation: cancellationToken);
            recipient = await recipients.GetAsync(target.BatchId, target.RecipientIndex, cancellationToken);
        }
        catch (Exception e) when (StorageFaults.Describe(e, cancellationToken) is { } fault)
        {
            return await ApologizeAsync(durable, target, $"The app's storage {fault} while reading the recipient, so the call could not be handed to the agent: {e.Message}", cancellationToken);
        }

        if (batch?.State.Definition is not { } definition || recipient is null)
        {
            return await ApologizeAsync(durable, target, "The batch or recipient no longer exists.", cancellationToken);
        }

        // Under DetectMessageEnd Twilio asks for the TwiML only once a machine's greeting has ended: what is said now is recorded.
        var answeredBy = form["AnsweredBy"].ToString();
        if (VoicemailMessages.IsGreetingEnd(answeredBy) && (recipient.VoicemailMessage ?? definition.VoicemailMessage) is { } message)
        {
            await durable.Entities.SignalEntityAsync(CallEntity.IdFor(target.BatchId, target.RecipientIndex), nameof(CallEntity.RecordVoicemailMessage),
                new VoicemailMessageLeft(target.Attempt, answeredBy, clock.GetUtcNow()), cancellation: cancellationToken);
            LogLeavingVoicemail(target.BatchId, target.RecipientIndex, target.Attempt, answeredBy);
            return new ContentResult { Content = new VoiceResponse().Say(message).Hangup().ToString(), ContentType = "text/xml", StatusCode = StatusCodes.Status200OK };
        }

        string twiml;
        try
        {
            twiml = await elevenLabs.RegisterTwilioCallAsync(
                new RegisterCallRequest(definition.AgentId, definition.FromNumber, recipient.PhoneNumber, recipient.ClientData), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ElevenLabsConfigurationException or TaskCanceledException)
        {
            return await ApologizeAsync(durable, target, $"ElevenLabs register-call failed: {e.Message}", cancellationToken);
        }

        if (ConversationIdIn(twiml) is { } conversationId)
        {
            await durable.Entities.SignalEntityAsync(CallEntity.IdFor(target.BatchId, target.RecipientIndex), nameof(CallEntity.RecordConversation),
                new ConversationRecord(target.Attempt, conversationId), cancellation: cancellationToken);
            await followUp.StartAsync(durable, new ConversationLink(conversationId, target.BatchId, target.RecipientIndex, target.Attempt), cancellationToken);
        }

        return new ContentResult { Content = twiml, ContentType = "text/xml", StatusCode = StatusCodes.Status200OK };
    }

    /// <summary>register-call's TwiML names the conversation in its stream URL or a stream parameter, when it names it at all.</summary>
    private static string? ConversationIdIn(string twiml) =>
        ConversationIdPattern().Match(twiml) is { Success: true } match ? match.Groups["id"].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex("""conversation_id(?:=|"\s+value=")(?<id>[A-Za-z0-9_-]+)""")]
    private static partial System.Text.RegularExpressions.Regex ConversationIdPattern();

    private async Task<IActionResult> ApologizeAsync(DurableTaskClient durable, CallbackTarget target, string detail, CancellationToken cancellationToken)
    {
        LogAgentUnavailable(target.BatchId, target.RecipientIndex, detail);
        await durable.Entities.SignalEntityAsync(
            CallEntity.IdFor(target.BatchId, target.RecipientIndex),
            nameof(CallEntity.RecordAgentConnectionFailure),
            new AgentConnectionFailure(target.Attempt, detail, clock.GetUtcNow()),
            cancellation: cancellationToken);
        await durable.RaiseEventAsync(target.BatchId, AgentUnavailable.EventName, new AgentUnavailable(target.RecipientIndex, target.Attempt), cancellationToken);
        return new ContentResult { Content = ApologyTwiml, ContentType = "text/xml", StatusCode = StatusCodes.Status200OK };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an answer request to {Path} without a valid Twilio signature")]
    private partial void LogForged(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch {BatchId} recipient {RecipientIndex} attempt {Attempt}: answering machine ({AnsweredBy}), leaving the voicemail message")]
    private partial void LogLeavingVoicemail(string batchId, int recipientIndex, int attempt, string answeredBy);

    [LoggerMessage(Level = LogLevel.Error, Message = "Batch {BatchId} recipient {RecipientIndex} answered but could not reach the agent: {Detail}")]
    private partial void LogAgentUnavailable(string batchId, int recipientIndex, string detail);
}
