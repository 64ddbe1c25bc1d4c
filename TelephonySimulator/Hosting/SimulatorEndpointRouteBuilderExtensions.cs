using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TelephonySimulator.Dialing;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.Inspection;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Hosting;

internal static class SimulatorEndpointRouteBuilderExtensions
{
    private const string TwilioAccountRoute = $"/2010-04-01/Accounts/{{{TwilioBasicAuthFilter.AccountSidRouteKey}}}";

    public static IEndpointRouteBuilder MapTelephonySimulator(this IEndpointRouteBuilder endpoints)
    {
        // Dial requests pass, in order: the attempt log (so refused credentials count too), authentication, Twilio's
        // concurrent-request limit, then injected faults; faults run inside the limit, so a slow request holds a place.
        endpoints.MapGroup(TwilioAccountRoute)
            .AddEndpointFilter(new DialAttemptFilter(SimulatedChannel.Twilio))
            .AddEndpointFilter<TwilioBasicAuthFilter>()
            .AddEndpointFilter<CreateRequestLimitFilter>()
            .AddEndpointFilter(new DialFaultFilter(SimulatedChannel.Twilio))
            .MapPost("/Calls.json", CreateCallEndpoint.HandleAsync);

        var twilio = endpoints.MapGroup(TwilioAccountRoute).AddEndpointFilter<TwilioBasicAuthFilter>();
        twilio.MapGet("/Calls.json", ListCallsEndpoint.Handle);
        twilio.MapGet("/Calls/{callSid}.json", FetchCallEndpoint.Handle);
        twilio.MapPost("/Calls/{callSid}.json", UpdateCallEndpoint.HandleAsync);

        // Anything else under Twilio's API root gets Twilio's 404 body rather than an empty response.
        endpoints.MapFallback("/2010-04-01/{**path}", (HttpRequest request) => TwilioErrors.NotFound(request.Path));

        var elevenLabs = endpoints.MapGroup("/v1/convai").AddEndpointFilter<ElevenLabsApiKeyFilter>();
        elevenLabs.MapGet("/agents/{agentId}", GetAgentEndpoint.Handle);
        elevenLabs.MapGet("/phone-numbers/{phoneNumberId}", GetPhoneNumberEndpoint.Handle);
        elevenLabs.MapPost("/twilio/register-call", RegisterCallEndpoint.HandleAsync);
        elevenLabs.MapGet("/conversations/{conversationId}", GetConversationEndpoint.Handle);
        elevenLabs.MapGet("/conversations/{conversationId}/audio", GetConversationAudioEndpoint.Handle);
        ElevenLabsDial(endpoints, SimulatedChannel.SipTrunk).MapPost("/sip-trunk/outbound-call", OutboundCallEndpoint.HandleSipTrunkAsync);
        ElevenLabsDial(endpoints, SimulatedChannel.ElevenLabsTwilio).MapPost("/twilio/outbound-call", OutboundCallEndpoint.HandleTwilioAsync);

        var inspection = endpoints.MapGroup("/simulator");
        inspection.MapGet("/calls", ListCallLogEndpoint.Handle);
        inspection.MapGet("/dial-attempts", ListDialAttemptsEndpoint.Handle);
        inspection.MapGet("/stats", GetStatsEndpoint.Handle);
        inspection.MapGet("/conversations", ListConversationsEndpoint.Handle);
        inspection.MapGet("/faults", ListFaultsEndpoint.Handle);
        inspection.MapPost("/faults", AddFaultEndpoint.HandleAsync);
        inspection.MapDelete("/faults", ClearFaultsEndpoint.Handle);
        inspection.MapPut("/faults/latency", SetLatencyEndpoint.HandleAsync);
        return endpoints;
    }

    private static RouteGroupBuilder ElevenLabsDial(IEndpointRouteBuilder endpoints, SimulatedChannel channel) =>
        endpoints.MapGroup("/v1/convai")
            .AddEndpointFilter(new DialAttemptFilter(channel))
            .AddEndpointFilter<ElevenLabsApiKeyFilter>()
            .AddEndpointFilter(new DialFaultFilter(channel));
}
