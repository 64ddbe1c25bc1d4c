namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>The verdict on a webhook's signature, with the signature and its time when it was readable.</summary>
public sealed record WebhookCheck(WebhookVerdict Verdict, string? Signature = null, DateTimeOffset? SignedAt = null);
