namespace BatchFunctions.Domain;

/// <summary>A call's status as the telephony provider reports it (Twilio's CallStatus values).</summary>
public enum ProviderCallStatus
{
    Queued,
    Initiated,
    Ringing,
    InProgress,
    Completed,
    Busy,
    NoAnswer,
    Failed,
    Canceled,
}
