namespace TelephonySimulator.ElevenLabsApi;

/// <summary><c>platform_settings</c>.</summary>
internal sealed record AgentPlatformSettings(AgentOverrides Overrides, AgentCallLimits CallLimits);
