using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using TelephonySimulator.Logging;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Dialing;

/// <summary>
/// Twilio's limit on concurrent REST requests per account: a create request beyond
/// <see cref="SimulatorOptions.MaxConcurrentCreateRequests"/> in flight is refused at once with 429 / 20429. Injected
/// latency and faults run inside the limit, so a slow request holds its place.
/// </summary>
internal sealed class CreateRequestLimitFilter(CreateRequestGate gate, SimulatorOptions options, ILogger<CreateRequestLimitFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var limit = options.MaxConcurrentCreateRequests;
        var accountSid = context.HttpContext.GetRouteValue(TwilioBasicAuthFilter.AccountSidRouteKey) as string ?? "";
        if (limit <= 0)
        {
            return await next(context);
        }

        if (!gate.TryEnter(accountSid, limit))
        {
            Log.CreateRequestLimited(logger, limit);
            return TwilioErrors.TooManyRequests();
        }

        try
        {
            return await next(context);
        }
        finally
        {
            gate.Exit(accountSid);
        }
    }
}
