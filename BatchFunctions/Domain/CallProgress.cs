namespace BatchFunctions.Domain;

/// <summary>One status callback from the provider, reduced to what the call's record needs.</summary>
/// <param name="SequenceNumber">The provider's per-call counter: callbacks can arrive twice or out of order.</param>
/// <param name="AnsweredBy">Answering-machine detection's verdict, when it ran.</param>
/// <param name="To">The number called, as the provider reports it; only ever logged masked.</param>
public sealed record CallProgress(
    int Attempt,
    string CallSid,
    ProviderCallStatus Status,
    int SequenceNumber,
    DateTimeOffset ReceivedAt,
    int? DurationSeconds = null,
    string? AnsweredBy = null,
    int? ErrorCode = null,
    int? SipResponseCode = null,
    string? To = null)
{
    public bool IsFinal => Status is ProviderCallStatus.Completed or ProviderCallStatus.Busy or ProviderCallStatus.NoAnswer
        or ProviderCallStatus.Failed or ProviderCallStatus.Canceled;
}
