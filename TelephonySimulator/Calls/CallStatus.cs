namespace TelephonySimulator.Calls;

/// <summary>Twilio's REST call statuses.</summary>
internal enum CallStatus
{
    Queued,
    Ringing,
    InProgress,
    Completed,
    Busy,
    Failed,
    NoAnswer,
    Canceled,
}
