using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.Inspection;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Hosting;

internal static class SimulatorEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapTelephonySimulator(this IEndpointRouteBuilder endpoints)
    {
        var twilio = endpoints
            .MapGroup($"/2010-04-01/Accounts/{{{TwilioBasicAuthFilter.AccountSidRouteKey}}}")
            .AddEndpointFilter<TwilioBasicAuthFilter>();
        twilio.MapPost("/Calls.json", CreateCallEndpoint.HandleAsync);
        twilio.MapGet("/Calls.json", ListCallsEndpoint.Handle);
        twilio.MapGet("/Calls/{callSid}.json", FetchCallEndpoint.Handle);
        twilio.MapPost("/Calls/{callSid}.json", UpdateCallEndpoint.HandleAsync);

        // Anything else under Twilio's API root gets Twilio's 404 body rather than an empty response.
        endpoints.MapFallback("/2010-04-01/{**path}", (HttpRequest request) => TwilioErrors.NotFound(request.Path));

        var elevenLabs = endpoints.MapGroup("/v1/convai").AddEndpointFilter<ElevenLabsApiKeyFilter>();
        elevenLabs.MapGet("/agents/{agentId}", GetAgentEndpoint.Handle);
        elevenLabs.MapGet("/phone-numbers/{phoneNumberId}", GetPhoneNumberEndpoint.Handle);
        elevenLabs.MapPost("/twilio/register-call", RegisterCallEndpoint.HandleAsync);

        var inspection = endpoints.MapGroup("/simulator");
        inspection.MapGet("/calls", ListCallLogEndpoint.Handle);
        inspection.MapGet("/stats", GetStatsEndpoint.Handle);
        inspection.MapGet("/conversations", ListConversationsEndpoint.Handle);
        return endpoints;
    }
}
