using Microsoft.Extensions.DependencyInjection;
using TelephonySimulator.Calls;
using TelephonySimulator.Dialing;
using TelephonySimulator.ElevenLabsApi;
using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Hosting;

internal static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddTelephonySimulator(this IServiceCollection services, SimulatorOptions options)
    {
        services.AddRoutingCore();
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutcomePlanner>();
        services.AddSingleton<CallRegistry>();
        services.AddSingleton<TwilioAccountDirectory>();
        services.AddSingleton<TwilioWebhookClient>();
        services.AddSingleton<CallPlayoutScheduler>();
        services.AddSingleton<ConversationLog>();
        services.AddSingleton<ConversationTracker>();
        services.AddSingleton<PostCallWebhookSender>();
        services.AddSingleton<DialAttemptLog>();
        services.AddSingleton<CreateRequestGate>();
        services.AddSingleton(new SimulatorFaults());
        return services;
    }
}
