namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>platform_settings.call_limits</c>; -1 means no limit.</summary>
internal sealed record AgentCallLimits(int AgentConcurrencyLimit);
