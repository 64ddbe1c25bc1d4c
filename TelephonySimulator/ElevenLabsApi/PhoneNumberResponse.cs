namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The response of <c>GET /v1/convai/phone-numbers/{phone_number_id}</c>.</summary>
internal sealed record PhoneNumberResponse(
    string PhoneNumberId,
    string PhoneNumber,
    string Provider,
    string Label,
    bool SupportsOutbound,
    bool SupportsInbound,
    AssignedAgent? AssignedAgent);
