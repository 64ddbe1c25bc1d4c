namespace TelephonySimulator.TwilioApi;

/// <summary>What the application answered to a webhook; status 0 and no body when it did not answer.</summary>
internal sealed record WebhookResult(int HttpStatus, string? Body)
{
    public bool IsSuccess => HttpStatus is >= 200 and < 300;
}
