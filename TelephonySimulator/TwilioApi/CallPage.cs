namespace TelephonySimulator.TwilioApi;

/// <summary>Twilio's list envelope for calls.</summary>
internal sealed record CallPage(
    IReadOnlyList<CallResource> Calls,
    int End,
    string FirstPageUri,
    string? NextPageUri,
    int Page,
    int PageSize,
    string? PreviousPageUri,
    int Start,
    string Uri);
