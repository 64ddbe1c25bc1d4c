using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Dialing;

/// <summary>
/// The outermost layer of a dial endpoint: logs the attempt whatever answers it, authentication failures included,
/// since a refused credential is exactly the attempt a "stops after one dial" test counts.
/// </summary>
internal sealed class DialAttemptFilter(SimulatedChannel channel) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        var info = await DialRequestInfo.AttachAsync(
            http,
            channel,
            services.GetRequiredService<SimulatorOptions>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow());
        object? result = null;
        try
        {
            result = await next(context);
            return result;
        }
        finally
        {
            var unanswered = info.Dropped || http.RequestAborted.IsCancellationRequested;
            var status = unanswered ? 0 : result is IStatusCodeHttpResult { StatusCode: { } code } ? code : result is null ? 500 : 200;
            var errorCode = result is IValueHttpResult { Value: TwilioError error } ? error.Code : (int?)null;
            services.GetRequiredService<DialAttemptLog>().Record(info.ToAttempt(status, errorCode));
        }
    }
}
