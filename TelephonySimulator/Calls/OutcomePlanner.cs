using TelephonySimulator.TwilioApi;

namespace TelephonySimulator.Calls;

/// <summary>Decides whether a create request is refused, and each call's outcome and durations, from the options, deterministically.</summary>
internal sealed class OutcomePlanner(SimulatorOptions options)
{
    // Voicemail greetings and a left message are short whatever the talk range is.
    private const double VoicemailMinSeconds = 4;
    private const double VoicemailMaxSeconds = 12;

    // An answering machine's greeting, up to its beep: what DetectMessageEnd listens through before it reports.
    private const double GreetingMinSeconds = 3;
    private const double GreetingMaxSeconds = 9;

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

    /// <summary>
    /// The refusal of the <paramref name="attempt"/>-th dial request to <paramref name="to"/>, if any: a matching
    /// <c>From</c> rule, else a matching <c>To</c> rule (whose outcome, if it has no error, also rules out random
    /// errors), else, when <paramref name="includeDrawn"/>, a drawn <see cref="SimulatorOptions.CreateErrors"/> entry.
    /// </summary>
    public CreateRejection? Reject(string to, string? from, int attempt, bool includeDrawn)
    {
        if (from is not null && MatchRule(from, NumberRuleTarget.From) is { ErrorCode: { } fromCode } fromRule)
        {
            return new CreateRejection(fromRule.HttpStatus ?? TwilioErrorCatalog.HttpStatusOf(fromCode), fromCode);
        }

        if (MatchRule(to, NumberRuleTarget.To) is { } toRule)
        {
            return toRule.ErrorCode is { } toCode ? new CreateRejection(toRule.HttpStatus ?? TwilioErrorCatalog.HttpStatusOf(toCode), toCode) : null;
        }

        if (!includeDrawn)
        {
            return null;
        }

        var point = DeterministicDraw.Uniform(options.Seed, to, attempt, "create-error");
        foreach (var rate in options.CreateErrors)
        {
            point -= rate.Probability;
            if (point < 0)
            {
                return new CreateRejection(rate.HttpStatus ?? TwilioErrorCatalog.HttpStatusOf(rate.Code), rate.Code);
            }
        }

        return null;
    }

    public CallPlan Plan(string to, int ordinal, int timeoutSeconds)
    {
        var rule = MatchRule(to, NumberRuleTarget.To);
        var plan = PlanOutcome(to, ordinal, timeoutSeconds, rule?.Outcome);
        return plan with
        {
            Ordinal = ordinal,
            DuplicateCallbackProbability = rule?.DuplicateCallbacks == true ? 1 : options.DuplicateCallbackProbability,
            ReorderCallbackProbability = rule?.ReorderCallbacks == true ? 1 : options.ReorderCallbackProbability,
            LoseTerminalCallback = rule?.LoseTerminalCallback == true,
            AnsweredBy = rule?.AnsweredBy,
            GreetingSeconds = DeterministicDraw.Between(GreetingMinSeconds, GreetingMaxSeconds, DeterministicDraw.Uniform(options.Seed, to, ordinal, "greeting")),
        };
    }

    private CallPlan PlanOutcome(string to, int ordinal, int timeoutSeconds, SimulatedOutcome? ruled)
    {
        var outcome = ruled ?? DrawOutcome(DeterministicDraw.Uniform(options.Seed, to, ordinal, "outcome"));
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

    private NumberRule? MatchRule(string number, NumberRuleTarget target)
    {
        foreach (var rule in options.NumberRules)
        {
            var matches = rule.Target == target
                && (rule.Pattern.EndsWith('*')
                    ? number.StartsWith(rule.Pattern[..^1], StringComparison.Ordinal)
                    : string.Equals(number, rule.Pattern, StringComparison.Ordinal));
            if (matches)
            {
                return rule;
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
