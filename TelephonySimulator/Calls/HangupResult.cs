namespace TelephonySimulator.Calls;

/// <summary>What a REST <c>Status=canceled|completed</c> update did to a call.</summary>
internal enum HangupResult
{
    /// <summary>The call ended now.</summary>
    Ended,

    /// <summary>Twilio ignores the request, e.g. canceling a call that is already in progress.</summary>
    NoEffect,

    /// <summary>The call has already ended; Twilio answers 21220.</summary>
    AlreadyEnded,
}
