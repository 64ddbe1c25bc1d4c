namespace TelephonySimulator.Tests.Infrastructure;

/// <summary>
/// One request the simulator made to the test's listener. <paramref name="Parameters"/> are the webhook fields
/// (form or query); <paramref name="SignedParameters"/> are what the signature covers besides the URL (the form for
/// POST, none for GET).
/// </summary>
internal sealed record ReceivedWebhook(
    string Method,
    string Path,
    string Url,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> SignedParameters,
    string? Signature,
    DateTimeOffset ReceivedAt)
{
    public string this[string key] => Parameters[key];
}
