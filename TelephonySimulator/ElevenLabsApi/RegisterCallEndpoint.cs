using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TelephonySimulator.Hosting;
using TelephonySimulator.Logging;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// <c>POST /v1/convai/twilio/register-call</c>: registers a conversation and returns the TwiML that connects the
/// Twilio call to the agent's media stream, for the application to hand back to Twilio verbatim.
/// </summary>
internal static class RegisterCallEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        SimulatorOptions options,
        ConversationLog conversations,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        RegisterCallRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<RegisterCallRequest>(request.Body, SimulatorJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return Results.Json(
                new ValidationErrorResponse([new ValidationErrorItem(["body"], "JSON decode error", "json_invalid")]),
                SimulatorJson.Options,
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }

        var missing = new List<string>();
        if (string.IsNullOrEmpty(body.AgentId))
        {
            missing.Add("agent_id");
        }

        if (string.IsNullOrEmpty(body.FromNumber))
        {
            missing.Add("from_number");
        }

        if (string.IsNullOrEmpty(body.ToNumber))
        {
            missing.Add("to_number");
        }

        if (missing.Count > 0)
        {
            return ElevenLabsErrors.MissingFields(missing);
        }

        if (!options.Agents.Exists(a => string.Equals(a.AgentId, body.AgentId, StringComparison.Ordinal)))
        {
            return ElevenLabsErrors.NotFound("agent_not_found", $"Agent with id {body.AgentId} was not found.");
        }

        var conversation = conversations.Add(ordinal => new SimulatedConversation(
            ConversationLog.ConversationId(options, ordinal),
            body.AgentId!,
            body.FromNumber!,
            body.ToNumber!,
            body.Direction,
            body.ConversationInitiationClientData?.Clone(),
            time.GetUtcNow()));
        Log.ConversationRegistered(loggers.CreateLogger(typeof(RegisterCallEndpoint).FullName!), conversation.ConversationId, conversation.AgentId);

        var streamUrl = string.Create(
            CultureInfo.InvariantCulture,
            $"wss://{request.Host.Value}/v1/convai/conversation?conversation_id={conversation.ConversationId}");
        var twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Connect><Stream url=\""
            + streamUrl
            + "\" /></Connect></Response>";
        return Results.Text(twiml, "text/xml", Encoding.UTF8);
    }
}
