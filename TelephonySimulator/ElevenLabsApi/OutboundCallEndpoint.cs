using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TelephonySimulator.Calls;
using TelephonySimulator.Dialing;
using TelephonySimulator.Hosting;
using TelephonySimulator.Logging;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// <c>POST /v1/convai/sip-trunk/outbound-call</c> and <c>POST /v1/convai/twilio/outbound-call</c>: ElevenLabs places
/// the call itself and connects the agent. The call plays out with the same outcome machinery as a Twilio call but
/// sends no webhooks; its end shows in the conversation's status.
/// </summary>
internal static partial class OutboundCallEndpoint
{
    private const int DefaultRingingTimeoutSeconds = 60;
    private const int MaxRingingTimeoutSeconds = 600;

    public static Task<IResult> HandleSipTrunkAsync(
        HttpRequest request,
        SimulatorOptions options,
        CallRegistry registry,
        OutcomePlanner planner,
        CallPlayoutScheduler scheduler,
        ConversationLog conversations,
        TimeProvider time,
        ILoggerFactory loggers) =>
        HandleAsync(SimulatedChannel.SipTrunk, request, options, registry, planner, scheduler, conversations, time, loggers);

    public static Task<IResult> HandleTwilioAsync(
        HttpRequest request,
        SimulatorOptions options,
        CallRegistry registry,
        OutcomePlanner planner,
        CallPlayoutScheduler scheduler,
        ConversationLog conversations,
        TimeProvider time,
        ILoggerFactory loggers) =>
        HandleAsync(SimulatedChannel.ElevenLabsTwilio, request, options, registry, planner, scheduler, conversations, time, loggers);

    private static async Task<IResult> HandleAsync(
        SimulatedChannel channel,
        HttpRequest request,
        SimulatorOptions options,
        CallRegistry registry,
        OutcomePlanner planner,
        CallPlayoutScheduler scheduler,
        ConversationLog conversations,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        OutboundCallRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<OutboundCallRequest>(request.Body, SimulatorJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return ElevenLabsErrors.JsonInvalid();
        }

        var missing = new List<string>();
        AddIfMissing(missing, "agent_id", body.AgentId);
        AddIfMissing(missing, "agent_phone_number_id", body.AgentPhoneNumberId);
        AddIfMissing(missing, "to_number", body.ToNumber);
        if (missing.Count > 0)
        {
            return ElevenLabsErrors.MissingFields(missing);
        }

        var agent = options.Agents.Find(a => string.Equals(a.AgentId, body.AgentId, StringComparison.Ordinal));
        if (agent is null)
        {
            return ElevenLabsErrors.NotFound("agent_not_found", $"Agent with id {body.AgentId} was not found.");
        }

        var number = options.PhoneNumbers.Find(n => string.Equals(n.PhoneNumberId, body.AgentPhoneNumberId, StringComparison.Ordinal));
        if (number is null)
        {
            return ElevenLabsErrors.NotFound("phone_number_not_found", $"Phone number with id {body.AgentPhoneNumberId} was not found.");
        }

        var provider = channel == SimulatedChannel.SipTrunk ? "sip_trunk" : "twilio";
        if (!string.Equals(number.Provider, provider, StringComparison.Ordinal))
        {
            return ElevenLabsErrors.BadRequest(
                "invalid_phone_number_provider",
                $"Phone number {number.PhoneNumberId} is a {number.Provider} number; this endpoint places calls from {provider} numbers only.");
        }

        var to = body.ToNumber!.Trim();
        if (!E164().IsMatch(to))
        {
            return ElevenLabsErrors.BadRequest("invalid_to_number", $"to_number must be an E.164 number such as +14155550123; it is '{to}'.");
        }

        var dial = DialRequestInfo.Of(request.HttpContext);
        if (planner.Reject(to, number.PhoneNumber, registry.NextCreateAttempt(to), includeDrawn: false) is { } refusal)
        {
            // ElevenLabs reports a call the carrier refused in the body rather than as an HTTP error.
            dial?.ErrorCode = refusal.Code;
            var reason = string.Create(
                CultureInfo.InvariantCulture,
                $"Failed to place the call: error {refusal.Code}: {TwilioErrorCatalog.MessageOf(refusal.Code, to, number.PhoneNumber)}");
            return Response(channel, success: false, reason, conversationId: null, callSid: null);
        }

        var config = body.TelephonyCallConfig;
        var conversation = conversations.Add(ordinal => new SimulatedConversation(
            ConversationLog.ConversationId(options, ordinal),
            agent.AgentId,
            number.PhoneNumber,
            to,
            "outbound",
            body.ConversationInitiationClientData?.Clone(),
            time.GetUtcNow())
        {
            Channel = channel,
            PhoneNumberId = number.PhoneNumberId,
        });
        var call = registry.Create(new CallRequest(
            AccountSid: "",
            To: to,
            From: number.PhoneNumber,
            Url: null,
            Method: "POST",
            Twiml: null,
            StatusCallback: null,
            StatusCallbackMethod: "POST",
            StatusCallbackEvents: new HashSet<CallEvent>(),
            TimeoutSeconds: config?.RingingTimeoutSecs is { } ring and > 0 ? Math.Min(ring, MaxRingingTimeoutSeconds) : DefaultRingingTimeoutSeconds,
            MachineDetection: channel == SimulatedChannel.ElevenLabsTwilio ? MachineDetection(config) : MachineDetectionMode.None,
            Record: body.CallRecordingEnabled ?? config?.TwilioCallRecordingEnabled ?? false,
            Channel: channel,
            ConversationId: conversation.ConversationId));
        conversations.Update(conversation.ConversationId, c => c with { CallSid = call.Sid });
        dial?.CallSid = call.Sid;
        Log.OutboundCallPlaced(
            loggers.CreateLogger(typeof(OutboundCallEndpoint).FullName!),
            channel,
            call.Sid,
            PhoneMask.Mask(to),
            conversation.ConversationId,
            call.Plan.Outcome);
        scheduler.Start(call);
        return Response(channel, success: true, "Outbound call initiated", conversation.ConversationId, call.Sid);
    }

    private static IResult Response(SimulatedChannel channel, bool success, string message, string? conversationId, string? callSid) =>
        channel == SimulatedChannel.SipTrunk
            ? Results.Json(new SipTrunkOutboundCallResponse(success, message, conversationId, callSid), SimulatorJson.Options)
            : Results.Json(new TwilioOutboundCallResponse(success, message, conversationId, callSid), SimulatorJson.Options);

    private static MachineDetectionMode MachineDetection(TelephonyCallConfig? config) => config?.TwilioMachineDetection?.Mode switch
    {
        "enable" => MachineDetectionMode.Enable,
        "detect_message_end" => MachineDetectionMode.DetectMessageEnd,
        _ => MachineDetectionMode.None,
    };

    private static void AddIfMissing(List<string> missing, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(field);
        }
    }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
