namespace BatchFunctions.Api;

/// <summary>
/// What a new batch gets when it names nothing else: the configured agent and phone number (looked up in
/// ElevenLabs, or why they could not be), region, time zone and calling window; plus the agents and phone
/// numbers recent batches used, to choose from. ElevenLabs' own list endpoints are not used: a deployment's
/// key may not be allowed to list, and the defaults are what operators use.
/// </summary>
/// <param name="DefaultAgentError">Why the default agent could not be looked up; null when it was, or none is configured.</param>
/// <param name="DefaultPhoneNumberError">Why the default phone number could not be looked up; null when it was, or none is configured.</param>
public sealed record BatchDefaultsResponse(
    string? DefaultAgentId,
    AgentResponse? DefaultAgent,
    string? DefaultAgentError,
    string? DefaultPhoneNumberId,
    PhoneNumberResponse? DefaultPhoneNumber,
    string? DefaultPhoneNumberError,
    string Region,
    string TimeZone,
    string CallingWindow,
    int WorkspaceConcurrencyLimit,
    IReadOnlyList<RecentAgent> RecentAgents,
    IReadOnlyList<string> RecentPhoneNumberIds);
