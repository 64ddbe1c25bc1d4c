namespace TelephonySimulator.Calls;

/// <summary>Decides each call's outcome and durations from the options, deterministically.</summary>
internal sealed class OutcomePlanner(SimulatorOptions options)
{
    // Voicemail greetings and a left message are short whatever the talk range is.
    private const double VoicemailMinSeconds = 4;
    private const double VoicemailMaxSeconds = 12;

    // Same order as the weights drawn from in DrawOutcome.
    private static readonly SimulatedOutcome[] WeightedOutcomes =
    [
        SimulatedOutcome.Human,
        SimulatedOutcome.Voicemail,
        SimulatedOutcome.Busy,
        SimulatedOutcome.NoAnswer,
        SimulatedOutcome.Failed,
    ];

    // Busy and failed calls end quickly after the network's first response.
    private const double ShortRingMinSeconds = 1;
    private const double ShortRingMaxSeconds = 3;

    public CallPlan Plan(string to, int ordinal, int timeoutSeconds)
    {
        var outcome = MatchRule(to) ?? DrawOutcome(DeterministicDraw.Uniform(options.Seed, to, ordinal, "outcome"));
        var ringDraw = DeterministicDraw.Uniform(options.Seed, to, ordinal, "ring");
        var talkDraw = DeterministicDraw.Uniform(options.Seed, to, ordinal, "talk");

        switch (outcome)
        {
            case SimulatedOutcome.Human or SimulatedOutcome.Voicemail:
                var ring = DeterministicDraw.Between(options.RingSeconds.Min, options.RingSeconds.Max, ringDraw);
                if (ring >= timeoutSeconds)
                {
                    // Twilio gives up after Timeout seconds of ringing: a slow answerer is a no-answer.
                    return new CallPlan(SimulatedOutcome.NoAnswer, timeoutSeconds, 0);
                }

                var talk = outcome == SimulatedOutcome.Human
                    ? DeterministicDraw.Between(options.TalkSeconds.Min, options.TalkSeconds.Max, talkDraw)
                    : DeterministicDraw.Between(VoicemailMinSeconds, VoicemailMaxSeconds, talkDraw);
                return new CallPlan(outcome, ring, talk);
            case SimulatedOutcome.NoAnswer:
                return new CallPlan(outcome, timeoutSeconds, 0);
            default:
                return new CallPlan(outcome, DeterministicDraw.Between(ShortRingMinSeconds, ShortRingMaxSeconds, ringDraw), 0);
        }
    }

    private SimulatedOutcome? MatchRule(string to)
    {
        foreach (var rule in options.NumberRules)
        {
            var matches = rule.Pattern.EndsWith('*')
                ? to.StartsWith(rule.Pattern[..^1], StringComparison.Ordinal)
                : string.Equals(to, rule.Pattern, StringComparison.Ordinal);
            if (matches)
            {
                return rule.Outcome;
            }
        }

        return null;
    }

    private SimulatedOutcome DrawOutcome(double uniform)
    {
        var mix = options.Outcomes;
        ReadOnlySpan<double> weights = [mix.Human, mix.Voicemail, mix.Busy, mix.NoAnswer, mix.Failed];
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total <= 0)
        {
            return SimulatedOutcome.Human;
        }

        var point = uniform * total;
        for (var i = 0; i < weights.Length; i++)
        {
            point -= weights[i];
            if (point < 0)
            {
                return WeightedOutcomes[i];
            }
        }

        // Rounding can leave the point on the upper edge: that belongs to the last outcome with any weight.
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return WeightedOutcomes[i];
            }
        }

        return SimulatedOutcome.Human;
    }
}
