namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>What checking an ElevenLabs webhook's signature found.</summary>
public enum WebhookVerdict
{
    Valid,

    /// <summary>No <c>ElevenLabs-Signature</c> header, or no secret configured to check it with.</summary>
    NotSigned,

    /// <summary>The header lacks <c>t=</c> or <c>v0=</c>.</summary>
    Malformed,

    /// <summary>Signed outside the tolerance: a delayed or captured request.</summary>
    Stale,

    /// <summary>The HMAC does not match: another secret, or a body or timestamp changed on the way.</summary>
    Forged,
}
