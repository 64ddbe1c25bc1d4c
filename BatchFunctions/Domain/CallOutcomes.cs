namespace BatchFunctions.Domain;

/// <summary>How a call's final provider status reads as a recipient status; one rule for the call record and the batch's counts.</summary>
public static class CallOutcomes
{
    /// <param name="agentUnavailable">The callee answered but the agent could not take the call: nobody talked to it.</param>
    public static RecipientStatus FinalStatus(ProviderCallStatus status, string? answeredBy, bool agentUnavailable) => status switch
    {
        ProviderCallStatus.Completed when agentUnavailable => RecipientStatus.Failed,
        ProviderCallStatus.Completed when IsMachine(answeredBy) => RecipientStatus.Voicemail,
        ProviderCallStatus.Completed => RecipientStatus.Completed,
        // "canceled" is a placed call hung up while queued or ringing (a cancel with hang-up): the recipient was
        // dialed and nobody answered, so it failed. "cancelled" is only for recipients a cancel kept from being dialed.
        ProviderCallStatus.Busy or ProviderCallStatus.NoAnswer or ProviderCallStatus.Failed or ProviderCallStatus.Canceled => RecipientStatus.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a final call status."),
    };

    /// <summary>Twilio's answering-machine detection verdicts other than "human" and "unknown".</summary>
    public static bool IsMachine(string? answeredBy) =>
        answeredBy is not null && (answeredBy.StartsWith("machine", StringComparison.Ordinal) || answeredBy == "fax");
}
