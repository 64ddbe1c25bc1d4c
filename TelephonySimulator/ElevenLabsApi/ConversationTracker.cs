using System.Text.RegularExpressions;
using TelephonySimulator.Calls;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// Moves a conversation along with its call: initiated while it rings, in-progress once answered, then processing and
/// done, or failed when the call never connected. A register-call conversation follows the Twilio call whose answer
/// TwiML connected it, as ElevenLabs learns of the call only when Twilio opens the media stream.
/// </summary>
internal sealed partial class ConversationTracker(ConversationLog log, SimulatorOptions options)
{
    public void Answered(CallState call)
    {
        if (call.Request.ConversationId is { } conversationId)
        {
            log.Update(conversationId, c => c with { Status = SimulatedConversationStatus.InProgress, Outcome = call.Plan.Outcome });
        }
    }

    /// <summary>Links the conversation named in the TwiML the answer URL returned, if it is one of ours and still free.</summary>
    public void LinkFromTwiml(CallState call, string? twiml)
    {
        if (call.Request.Channel != SimulatedChannel.Twilio || twiml is null || StreamConversationId().Match(twiml) is not { Success: true } match)
        {
            return;
        }

        var conversationId = match.Groups["id"].Value;
        var phoneNumberId = options.PhoneNumbers.Find(n => string.Equals(n.PhoneNumber, call.Request.From, StringComparison.Ordinal))?.PhoneNumberId;
        var linked = log.TryLink(conversationId, c => c with
        {
            Status = SimulatedConversationStatus.InProgress,
            CallSid = call.Sid,
            PhoneNumberId = c.PhoneNumberId ?? phoneNumberId,
            Outcome = call.Plan.Outcome,
        });
        if (linked)
        {
            call.LinkConversation(conversationId);
        }
    }

    /// <summary>Records the end of the call; true when the conversation now processes (it talked), false when it failed or has none.</summary>
    public bool Ended(CallSnapshot call)
    {
        if (call.ConversationId is not { } conversationId)
        {
            return false;
        }

        var talked = call.Status == CallStatus.Completed;
        log.Update(conversationId, c => c with
        {
            Status = talked ? SimulatedConversationStatus.Processing : SimulatedConversationStatus.Failed,
            CallSid = c.CallSid ?? call.Sid,
            CallDurationSeconds = call.DurationSeconds ?? 0,
            EndedAt = call.EndedAt,
            Outcome = call.Status switch
            {
                CallStatus.Completed => c.Outcome ?? call.Plan.Outcome,
                CallStatus.Busy => SimulatedOutcome.Busy,
                CallStatus.NoAnswer => SimulatedOutcome.NoAnswer,
                _ => SimulatedOutcome.Failed,
            },
        });
        return talked;
    }

    public void Processed(string conversationId) =>
        log.Update(conversationId, c => c with { Status = SimulatedConversationStatus.Done });

    [GeneratedRegex("conversation_id=(?<id>conv_[0-9a-f]{32})", RegexOptions.CultureInvariant)]
    private static partial Regex StreamConversationId();
}
