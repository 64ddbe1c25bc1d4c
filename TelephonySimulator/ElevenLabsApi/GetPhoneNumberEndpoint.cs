using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>GET /v1/convai/phone-numbers/{phone_number_id}</c>.</summary>
internal static class GetPhoneNumberEndpoint
{
    public static IResult Handle(string phoneNumberId, SimulatorOptions options)
    {
        var number = options.PhoneNumbers.FirstOrDefault(n => string.Equals(n.PhoneNumberId, phoneNumberId, StringComparison.Ordinal));
        if (number is null)
        {
            return ElevenLabsErrors.NotFound("phone_number_not_found", $"Phone number with id {phoneNumberId} was not found.");
        }

        var agent = number.AssignedAgentId is { } agentId
            ? options.Agents.FirstOrDefault(a => string.Equals(a.AgentId, agentId, StringComparison.Ordinal))
            : null;
        return Results.Json(
            new PhoneNumberResponse(
                number.PhoneNumberId,
                number.PhoneNumber,
                number.Provider,
                number.Label,
                SupportsOutbound: true,
                SupportsInbound: true,
                agent is null ? null : new AssignedAgent(agent.AgentId, agent.Name)),
            SimulatorJson.Options);
    }
}
