using System.Globalization;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The response of <c>GET /v1/convai/agents/{agent_id}</c>.</summary>
internal sealed record AgentResponse(
    string AgentId,
    string Name,
    AgentConversationConfig ConversationConfig,
    AgentPlatformSettings PlatformSettings,
    AgentMetadata Metadata,
    IReadOnlyList<string> Tags)
{
    public const string FirstMessageOverride = "first_message";
    public const string LanguageOverride = "language";
    public const string SystemPromptOverride = "system_prompt";
    public const string VoiceIdOverride = "voice_id";

    public static IReadOnlyList<string> OverrideNames { get; } =
        [FirstMessageOverride, LanguageOverride, SystemPromptOverride, VoiceIdOverride];

    // A fixed creation time keeps responses identical from run to run.
    private static readonly DateTimeOffset CreatedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AgentResponse From(SimulatedAgent agent)
    {
        bool Allows(string name) => agent.AllowedOverrides.Contains(name, StringComparer.Ordinal);

        return new AgentResponse(
            agent.AgentId,
            agent.Name,
            new AgentConversationConfig(
                new AgentConfig(
                    string.Create(CultureInfo.InvariantCulture, $"Hello, this is {agent.Name}."),
                    "en",
                    new AgentPromptConfig("You are a helpful assistant.")),
                new AgentTtsConfig("simulated-voice", "ulaw_8000")),
            new AgentPlatformSettings(
                new AgentOverrides(
                    new ConversationConfigOverrideSettings(
                        new AgentOverrideSettings(
                            Allows(FirstMessageOverride),
                            Allows(LanguageOverride),
                            new PromptOverrideSettings(Allows(SystemPromptOverride))),
                        new TtsOverrideSettings(Allows(VoiceIdOverride)))),
                new AgentCallLimits(agent.ConcurrencyLimit)),
            new AgentMetadata(CreatedAt.ToUnixTimeSeconds()),
            []);
    }
}
