namespace BatchFunctions.Providers.Twilio;

public enum TwilioErrorKind
{
    /// <summary>Worth retrying later: rate limits, Twilio's own trouble, no response.</summary>
    Transient,

    /// <summary>Something about this one number; retrying will not help.</summary>
    Recipient,

    /// <summary>Something about our account or caller id; every call would fail the same way.</summary>
    Configuration,
}
