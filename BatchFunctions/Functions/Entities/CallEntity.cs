using System.Globalization;
using BatchFunctions.Domain;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Entities;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Functions.Entities;

/// <summary>
/// One recipient's call record: status, attempts, provider ids, failure reason and timestamps.
/// It is the only writer of that record. Callbacks may repeat or arrive out of order, so every
/// operation is idempotent and a status only moves forward within an attempt. It sends nothing:
/// the batch's counters are the orchestrator's, so no entity hears from every call (an entity
/// remembers each sender it heard from recently, and the batch's would grow with the list).
/// The key is "{batch id}:{recipient index}".
/// </summary>
public sealed partial class CallEntity(ILogger<CallEntity> logger) : TaskEntity<CallState>
{
    [Function(nameof(CallEntity))]
    public static Task Run([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<CallEntity>();

    /// <summary>Keys sort by index, so a prefix query lists a batch's calls in recipient order.</summary>
    public static EntityInstanceId IdFor(string batchId, int recipientIndex) =>
        new(nameof(CallEntity), string.Create(CultureInfo.InvariantCulture, $"{batchId}:{recipientIndex:D7}"));

    /// <summary>An entity query prefix that matches exactly the calls of one batch.</summary>
    public static string QueryPrefixFor(string batchId) => $"{IdFor(batchId, 0).Name}@{batchId}:";

    public void RecordDial(DialRecord record)
    {
        BeginAttempt(record.Attempt, record.At);
        if (record.Attempt != State.Attempt)
        {
            return;
        }

        var result = record.Result;
        if (result.Outcome == DialOutcome.Placed)
        {
            State = State with { CallSid = State.CallSid ?? result.CallSid, ConversationId = result.ConversationId ?? State.ConversationId, UpdatedAt = record.At };
            return;
        }

        State = State with { FailureReason = result.FailureReason, FailureDetail = result.FailureDetail, EndedAt = record.At };
        MoveTo(RecipientStatus.Failed, record.At);
    }

    public void RecordConversation(ConversationRecord record)
    {
        if (record.Attempt == State.Attempt)
        {
            State = State with { ConversationId = record.ConversationId };
        }
    }

    /// <summary>A call that ends after this counts as failed, not completed: nobody talked to the agent.</summary>
    public void RecordAgentConnectionFailure(AgentConnectionFailure failure)
    {
        if (failure.Attempt == State.Attempt && !State.Status.IsTerminal())
        {
            State = State with { FailureReason = FailureReason.AgentUnavailable, FailureDetail = failure.Detail, UpdatedAt = failure.At };
        }
    }

    /// <summary>
    /// Says why the recipient ends as voicemail: the message was left. The answer webhook sends this and the status
    /// callback the call's end, in no guaranteed order, so it applies before the end and after it (as voicemail) alike.
    /// </summary>
    public void RecordVoicemailMessage(VoicemailMessageLeft left)
    {
        BeginAttempt(left.Attempt, left.At);
        if (left.Attempt == State.Attempt && (!State.Status.IsTerminal() || State.Status == RecipientStatus.Voicemail))
        {
            State = State with
            {
                FailureReason = FailureReason.VoicemailMessageLeft,
                FailureDetail = $"Message left: an answering machine answered and the voicemail message was said after its greeting ({left.AnsweredBy}).",
                AnsweredBy = State.AnsweredBy ?? left.AnsweredBy,
                UpdatedAt = State.Status.IsTerminal() ? State.UpdatedAt : left.At,
            };
        }
    }

    public void ApplyProgress(CallProgress progress)
    {
        BeginAttempt(progress.Attempt, progress.ReceivedAt);
        if (progress.Attempt != State.Attempt
            || progress.SequenceNumber <= State.LastSequenceNumber
            || (State.CallSid is not null && State.CallSid != progress.CallSid))
        {
            return;
        }

        var before = State.Status;
        State = State with { CallSid = progress.CallSid, LastSequenceNumber = progress.SequenceNumber };
        var at = progress.ReceivedAt;
        switch (progress.Status)
        {
            case ProviderCallStatus.Queued or ProviderCallStatus.Initiated or ProviderCallStatus.Ringing:
                MoveTo(RecipientStatus.Initiated, at);
                break;
            case ProviderCallStatus.InProgress:
                State = State with { AnsweredAt = State.AnsweredAt ?? at, AnsweredBy = progress.AnsweredBy ?? State.AnsweredBy };
                MoveTo(RecipientStatus.InProgress, at);
                break;
            case ProviderCallStatus.Completed:
                var answeredBy = progress.AnsweredBy ?? State.AnsweredBy;
                State = State with { AnsweredBy = answeredBy, DurationSeconds = progress.DurationSeconds, EndedAt = at };
                MoveTo(CallOutcomes.FinalStatus(progress.Status, answeredBy, State.FailureReason == FailureReason.AgentUnavailable), at);
                break;
            case ProviderCallStatus.Busy:
                End(FailureReason.Busy, "The line was busy.", progress);
                break;
            case ProviderCallStatus.NoAnswer:
                End(FailureReason.NoAnswer, "Nobody answered before the ring timeout.", progress);
                break;
            case ProviderCallStatus.Failed:
                End(FailureReason.CallFailed, progress.ErrorCode is { } code ? $"The call failed (Twilio error {code})." : "The call failed.", progress);
                break;
            case ProviderCallStatus.Canceled:
                // Hung up before it was answered: dialed, so failed (as CallOutcomes counts it), never "cancelled".
                End(FailureReason.Canceled, "The call was hung up before it was answered (the batch was cancelled with hang-up, or the call was ended at the provider).", progress);
                break;
        }

        // Logged here rather than in the webhook: only the entity knows that a repeated or stale callback changed nothing.
        if (State.Status != before)
        {
            var maskedTo = PhoneMask.Mask(progress.To);
            LogStatusChanged(State.BatchId, State.RecipientIndex, State.Attempt, progress.CallSid, maskedTo, before, State.Status, progress.Status);
        }
    }

    /// <summary>Forgets the call, reporting nothing to the batch (which is being deleted too).</summary>
    public void Delete() => State = null!;

    protected override CallState InitializeState(TaskEntityOperation entityOperation) => new();

    /// <summary>
    /// Starts a newer attempt from whichever message about it arrives first: the orchestrator's dial
    /// record and the provider's callbacks come from different senders in no guaranteed order.
    /// </summary>
    private void BeginAttempt(int attempt, DateTimeOffset at)
    {
        if (attempt <= State.Attempt)
        {
            return;
        }

        var (batchId, recipientIndex) = ParseKey(Context.Id.Key);
        State = new CallState(batchId, recipientIndex, RecipientStatus.Dispatched, attempt, DispatchedAt: at, UpdatedAt: at);
    }

    private static (string BatchId, int RecipientIndex) ParseKey(string key)
    {
        var separator = key.LastIndexOf(':');
        return (key[..separator], int.Parse(key.AsSpan(separator + 1), CultureInfo.InvariantCulture));
    }

    private void End(FailureReason reason, string detail, CallProgress progress)
    {
        var sip = progress.SipResponseCode is { } code ? $" SIP {code}." : "";
        State = State with { FailureReason = reason, FailureDetail = detail + sip, EndedAt = progress.ReceivedAt };
        MoveTo(RecipientStatus.Failed, progress.ReceivedAt);
    }

    private void MoveTo(RecipientStatus to, DateTimeOffset at)
    {
        var from = State.Status;
        if (!from.IsTerminal() && to.Stage() > from.Stage())
        {
            State = State with { Status = to, UpdatedAt = at };
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Batch {BatchId} recipient {RecipientIndex} attempt {Attempt}: call {CallSid} to {PhoneNumber} {FromStatus} -> {ToStatus} ({ProviderStatus})")]
    private partial void LogStatusChanged(
        string batchId, int recipientIndex, int attempt, string callSid, string phoneNumber, RecipientStatus fromStatus, RecipientStatus toStatus, ProviderCallStatus providerStatus);
}
