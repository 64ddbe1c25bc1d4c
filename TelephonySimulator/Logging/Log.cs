using Microsoft.Extensions.Logging;

namespace TelephonySimulator.Logging;

/// <summary>The simulator's log messages; phone numbers are masked before they get here.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Call {CallSid} to {To} created; it will play out as {Outcome}")]
    public static partial void CallCreated(ILogger logger, string callSid, string to, SimulatedOutcome outcome);

    [LoggerMessage(2, LogLevel.Information, "Call {CallSid} ended {Status} after {DurationSeconds} simulated seconds")]
    public static partial void CallEnded(ILogger logger, string callSid, string status, int durationSeconds);

    [LoggerMessage(3, LogLevel.Warning, "Webhook to {Url} got no response: {Reason}")]
    public static partial void WebhookFailed(ILogger logger, string url, string reason);

    [LoggerMessage(4, LogLevel.Error, "Playout of call {CallSid} failed")]
    public static partial void PlayoutFailed(ILogger logger, Exception exception, string callSid);

    [LoggerMessage(5, LogLevel.Information, "Conversation {ConversationId} registered for agent {AgentId}")]
    public static partial void ConversationRegistered(ILogger logger, string conversationId, string agentId);

    [LoggerMessage(6, LogLevel.Information, "Create request to {To} refused with Twilio error {ErrorCode}")]
    public static partial void CreateRefused(ILogger logger, string to, int errorCode);

    [LoggerMessage(7, LogLevel.Information, "Injected fault {Action} on a {Channel} dial request (waits {DelayMilliseconds} ms)")]
    public static partial void DialFaultApplied(ILogger logger, DialFaultAction action, SimulatedChannel channel, int delayMilliseconds);

    [LoggerMessage(8, LogLevel.Information, "Create request refused with 429: more than {Limit} in flight")]
    public static partial void CreateRequestLimited(ILogger logger, int limit);

    [LoggerMessage(9, LogLevel.Information, "{Channel} call {CallSid} to {To} placed for conversation {ConversationId}; it will play out as {Outcome}")]
    public static partial void OutboundCallPlaced(ILogger logger, SimulatedChannel channel, string callSid, string to, string conversationId, SimulatedOutcome outcome);
}
