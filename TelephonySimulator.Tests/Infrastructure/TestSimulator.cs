namespace TelephonySimulator.Tests.Infrastructure;

/// <summary>Options and credentials shared by the tests.</summary>
internal static class TestSimulator
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "test-auth-token";
    public const string ElevenLabsApiKey = "test-xi-api-key";
    public const string CallerId = "+15550100000";

    /// <summary>Fast enough that a 60 s ring takes 60 ms.</summary>
    public const double FastAcceleration = 1000;

    public static SimulatorOptions Options(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions
        {
            TimeAcceleration = FastAcceleration,
            Seed = 7,
            TwilioAccounts = [new SimulatedTwilioAccount { AccountSid = AccountSid, AuthToken = AuthToken }],
            ElevenLabsApiKey = ElevenLabsApiKey,
            Agents =
            [
                new SimulatedAgent
                {
                    AgentId = "agent_full",
                    Name = "Full agent",
                    ConcurrencyLimit = 10,
                    AllowedOverrides = ["first_message", "language", "system_prompt", "voice_id"],
                },
                new SimulatedAgent { AgentId = "agent_locked", Name = "Locked agent", AllowedOverrides = ["language"] },
            ],
            PhoneNumbers =
            [
                new SimulatedPhoneNumber { PhoneNumberId = "phnum_assigned", PhoneNumber = CallerId, Label = "Main", AssignedAgentId = "agent_full" },
                new SimulatedPhoneNumber { PhoneNumberId = "phnum_free", PhoneNumber = "+15550100001", Provider = "sip_trunk", Label = "Trunk" },
            ],
        };
        configure?.Invoke(options);
        return options;
    }

    public static Task<SimulatorServer> StartAsync(Action<SimulatorOptions>? configure = null) =>
        SimulatorServer.StartAsync(Options(configure));

    public static Task<SimulatorServer> StartWithRuleAsync(string pattern, SimulatedOutcome outcome, Action<SimulatorOptions>? configure = null) =>
        StartAsync(options =>
        {
            options.NumberRules.Add(new NumberRule { Pattern = pattern, Outcome = outcome });
            configure?.Invoke(options);
        });
}
