namespace BatchFunctions.Providers.Twilio;

/// <summary>
/// A dial attempt that may succeed if tried again. The orchestrator's retry policy retries only this
/// exception, so every other failure surfaces at once.
/// </summary>
public sealed class TransientTelephonyException : Exception
{
    public TransientTelephonyException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public TransientTelephonyException(string message) : base(message)
    {
    }

    public TransientTelephonyException()
    {
    }

    /// <summary>True when the provider never answered, so a call may exist that we have no sid for.</summary>
    public bool OutcomeUnknown { get; init; }
}
