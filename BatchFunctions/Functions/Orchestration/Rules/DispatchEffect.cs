using BatchFunctions.Domain;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration.Rules;

/// <summary>
/// Something the dispatcher decided that the orchestration must tell another party: a call's record,
/// the batch's failure, the provider. The dispatcher only decides; the loop carries these out.
/// </summary>
public abstract record DispatchEffect
{
    /// <summary>The dial's outcome goes to the recipient's call entity.</summary>
    public sealed record RecordDial(DialTicket Ticket, DialResult Result) : DispatchEffect;

    /// <summary>A final status learned by asking the provider goes to the recipient's call entity.</summary>
    public sealed record ApplyProgress(int RecipientIndex, CallProgress Progress) : DispatchEffect;

    /// <summary>The provider refused the account or caller id: the batch fails with what to fix.</summary>
    public sealed record FailBatch(string Detail) : DispatchEffect;

    /// <summary>End these calls (cancel with hang-up).</summary>
    public sealed record HangUp(IReadOnlyList<string> CallSids) : DispatchEffect;
}
