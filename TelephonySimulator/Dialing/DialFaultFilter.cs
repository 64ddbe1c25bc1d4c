using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.Logging;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Dialing;

/// <summary>
/// Applies the oldest pending <see cref="DialFault"/> that matches the request, and the standing latency. A slow or
/// dropped request creates its call before it waits, as Twilio does: the caller cannot tell from the missing answer
/// whether anyone is being dialled, and status callbacks may reach it before the create response does.
/// </summary>
internal sealed class DialFaultFilter(SimulatedChannel channel) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        var faults = services.GetRequiredService<SimulatorFaults>();
        var info = DialRequestInfo.Of(http) ?? throw new InvalidOperationException($"{nameof(DialAttemptFilter)} must run before {nameof(DialFaultFilter)}.");
        var fault = faults.TryTake(channel, info.To);
        var delay = faults.Latency + (fault?.Delay ?? TimeSpan.Zero);
        if (fault is not null)
        {
            info.Fault = fault.Action;
            Log.DialFaultApplied(services.GetRequiredService<ILogger<DialFaultFilter>>(), fault.Action, channel, (int)delay.TotalMilliseconds);
        }

        switch (fault?.Action)
        {
            case DialFaultAction.Fail:
                await DelayAsync(delay, http, services);
                return Failure(fault, info);
            case DialFaultAction.Drop:
                if (fault.CallCreated)
                {
                    await next(context);
                }

                await DelayAsync(delay, http, services);
                info.Dropped = true;
                return DroppedConnectionResult.Instance;
            default:
                var result = await next(context);
                await DelayAsync(delay, http, services);
                return result;
        }
    }

    private static async Task DelayAsync(TimeSpan delay, HttpContext http, IServiceProvider services)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        // A client that gives up, or a simulator that stops, ends the wait; the call (if any) goes on regardless.
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            await Task.Delay(delay, services.GetRequiredService<TimeProvider>(), waitEnds.Token);
        }
        catch (OperationCanceledException)
        {
            // Nobody is waiting for the answer any more.
        }
    }

    private IResult Failure(DialFault fault, DialRequestInfo info)
    {
        if (channel == SimulatedChannel.Twilio)
        {
            var code = fault.ErrorCode != 0 ? fault.ErrorCode : TwilioErrorCatalog.CodeOf(fault.HttpStatus);
            return TwilioErrors.Error(fault.HttpStatus, code, fault.Message ?? TwilioErrorCatalog.MessageOf(code, info.To, info.From));
        }

        info.ErrorCode = fault.ErrorCode != 0 ? fault.ErrorCode : null;
        return ElevenLabsErrors.Status(
            fault.HttpStatus,
            fault.Message ?? string.Create(CultureInfo.InvariantCulture, $"Simulated fault: HTTP {fault.HttpStatus}."));
    }
}
