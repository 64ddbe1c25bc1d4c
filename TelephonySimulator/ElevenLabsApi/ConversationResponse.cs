using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The response of <c>GET /v1/convai/conversations/{conversation_id}</c>, with the fields the official SDK requires.</summary>
internal sealed record ConversationResponse(
    string AgentId,
    string? AgentName,
    string ConversationId,
    string Status,
    string? UserId,
    ConversationMetadata Metadata,
    ConversationAnalysis? Analysis,
    JsonElement? ConversationInitiationClientData,
    bool HasAudio,
    bool HasUserAudio,
    bool HasResponseAudio,
    bool HasAuxiliaryAudio,
    IReadOnlyList<TranscriptTurn> Transcript)
{
    public static ConversationResponse From(SimulatedConversation conversation, SimulatorOptions options)
    {
        var agent = options.Agents.Find(a => string.Equals(a.AgentId, conversation.AgentId, StringComparison.Ordinal));
        return new ConversationResponse(
            conversation.AgentId,
            agent?.Name,
            conversation.ConversationId,
            Wire(conversation.Status),
            UserId: null,
            new ConversationMetadata(
                conversation.CreatedAt.ToUnixTimeSeconds(),
                conversation.CallDurationSeconds,
                TerminationReason(conversation),
                PhoneCall(conversation)),
            ConversationContent.Analysis(conversation, options),
            conversation.ConversationInitiationClientData,
            HasAudio: ConversationContent.HasAudio(conversation, options),
            HasUserAudio: false,
            HasResponseAudio: ConversationContent.HasAudio(conversation, options),
            HasAuxiliaryAudio: false,
            ConversationContent.Transcript(conversation, options));
    }

    public static string Wire(SimulatedConversationStatus status) => status switch
    {
        SimulatedConversationStatus.Initiated => "initiated",
        SimulatedConversationStatus.InProgress => "in-progress",
        SimulatedConversationStatus.Processing => "processing",
        SimulatedConversationStatus.Done => "done",
        SimulatedConversationStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string? TerminationReason(SimulatedConversation conversation) => conversation.Status switch
    {
        SimulatedConversationStatus.Processing or SimulatedConversationStatus.Done => "Call ended",
        SimulatedConversationStatus.Failed => conversation.Outcome switch
        {
            SimulatedOutcome.Busy => "Call was busy",
            SimulatedOutcome.NoAnswer => "Call was not answered",
            _ => "Call failed",
        },
        _ => null,
    };

    private static string? CallResult(SimulatedOutcome? outcome) => outcome switch
    {
        SimulatedOutcome.Human => "answered",
        SimulatedOutcome.Voicemail => "voicemail",
        SimulatedOutcome.Busy => "busy",
        SimulatedOutcome.NoAnswer => "no_answer",
        SimulatedOutcome.Failed => "failed",
        _ => null,
    };

    private static object? PhoneCall(SimulatedConversation conversation)
    {
        if (conversation.PhoneNumberId is null)
        {
            return null;
        }

        var direction = conversation.Direction ?? "outbound";
        var callResult = CallResult(conversation.Outcome);
        return conversation.Channel == SimulatedChannel.SipTrunk
            ? new SipTrunkPhoneCallMetadata(
                "sip_trunking",
                direction,
                conversation.PhoneNumberId,
                conversation.FromNumber,
                conversation.ToNumber,
                callResult,
                conversation.CallSid,
                conversation.CallSid ?? "")
            : new TwilioPhoneCallMetadata(
                "twilio",
                direction,
                conversation.PhoneNumberId,
                conversation.FromNumber,
                conversation.ToNumber,
                callResult,
                StreamSid(conversation.ConversationId),
                conversation.CallSid ?? "");
    }

    /// <summary>The media stream's SID (<c>MZ</c> + 32 hex digits), stable per conversation.</summary>
    private static string StreamSid(string conversationId) =>
        "MZ" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationId)), 0, 16);
}
