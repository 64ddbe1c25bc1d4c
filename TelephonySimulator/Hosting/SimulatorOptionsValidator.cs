using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using TelephonySimulator.ElevenLabsApi;

namespace TelephonySimulator.Hosting;

/// <summary>Checks options at startup; every message names the setting to fix by its configuration key.</summary>
internal sealed partial class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    private const string Section = SimulatorOptions.SectionName;

    private static readonly string[] AnsweredByValues =
        ["human", "machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax", "unknown"];

    public static void ThrowIfInvalid(SimulatorOptions options)
    {
        var result = new SimulatorOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SimulatorOptions), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!(options.TimeAcceleration > 0) || double.IsInfinity(options.TimeAcceleration))
        {
            failures.Add(Invariant($"{Section}:TimeAcceleration must be a positive number of simulated seconds per real second; it is {options.TimeAcceleration}."));
        }

        ValidateAccounts(options, failures);
        ValidateAgents(options, failures);
        ValidatePhoneNumbers(options, failures);
        ValidateOutcomes(options, failures);
        ValidateRange(options.RingSeconds, "RingSeconds", failures);
        ValidateRange(options.TalkSeconds, "TalkSeconds", failures);
        ValidateFaults(options, failures);
        ValidateConversationScripts(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAccounts(SimulatorOptions options, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.TwilioAccounts.Count; i++)
        {
            var account = options.TwilioAccounts[i];
            var key = Invariant($"{Section}:TwilioAccounts:{i}");
            if (!AccountSid().IsMatch(account.AccountSid ?? ""))
            {
                failures.Add($"{key}:AccountSid must be 'AC' followed by 32 hexadecimal digits; it is '{account.AccountSid}'.");
            }
            else if (!seen.Add(account.AccountSid!))
            {
                failures.Add($"{key}:AccountSid '{account.AccountSid}' is configured twice.");
            }

            if (string.IsNullOrEmpty(account.AuthToken))
            {
                failures.Add($"{key}:AuthToken is missing; it is the Basic-auth password and the webhook signing key.");
            }

            if (account.CallsPerSecond is { } rate && !IsRate(rate))
            {
                failures.Add(Invariant($"{key}:CallsPerSecond must be 0 (no limit) or a positive number of calls per second; it is {rate}."));
            }
        }
    }

    private static void ValidateAgents(SimulatorOptions options, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Agents.Count; i++)
        {
            var agent = options.Agents[i];
            var key = Invariant($"{Section}:Agents:{i}");
            if (string.IsNullOrWhiteSpace(agent.AgentId))
            {
                failures.Add($"{key}:AgentId is missing.");
            }
            else if (!seen.Add(agent.AgentId))
            {
                failures.Add($"{key}:AgentId '{agent.AgentId}' is configured twice.");
            }

            if (agent.ConcurrencyLimit < -1)
            {
                failures.Add(Invariant($"{key}:ConcurrencyLimit must be -1 (no limit) or a number of calls; it is {agent.ConcurrencyLimit}."));
            }

            foreach (var name in agent.AllowedOverrides.Where(n => !AgentResponse.OverrideNames.Contains(n, StringComparer.Ordinal)))
            {
                failures.Add($"{key}:AllowedOverrides has '{name}'; the overrides are {string.Join(", ", AgentResponse.OverrideNames)}.");
            }
        }
    }

    private static void ValidatePhoneNumbers(SimulatorOptions options, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.PhoneNumbers.Count; i++)
        {
            var number = options.PhoneNumbers[i];
            var key = Invariant($"{Section}:PhoneNumbers:{i}");
            if (string.IsNullOrWhiteSpace(number.PhoneNumberId))
            {
                failures.Add($"{key}:PhoneNumberId is missing.");
            }
            else if (!seen.Add(number.PhoneNumberId))
            {
                failures.Add($"{key}:PhoneNumberId '{number.PhoneNumberId}' is configured twice.");
            }

            if (!E164().IsMatch(number.PhoneNumber ?? ""))
            {
                failures.Add($"{key}:PhoneNumber must be in E.164 form (e.g. +15550100000); it is '{number.PhoneNumber}'.");
            }

            if (number.Provider is not ("twilio" or "sip_trunk"))
            {
                failures.Add($"{key}:Provider must be 'twilio' or 'sip_trunk'; it is '{number.Provider}'.");
            }

            if (number.AssignedAgentId is { } agentId && !options.Agents.Exists(a => a.AgentId == agentId))
            {
                failures.Add($"{key}:AssignedAgentId '{agentId}' is not one of {Section}:Agents.");
            }
        }
    }

    private static void ValidateOutcomes(SimulatorOptions options, List<string> failures)
    {
        var mix = options.Outcomes;
        CheckWeight(mix.Human, nameof(OutcomeMix.Human));
        CheckWeight(mix.Voicemail, nameof(OutcomeMix.Voicemail));
        CheckWeight(mix.Busy, nameof(OutcomeMix.Busy));
        CheckWeight(mix.NoAnswer, nameof(OutcomeMix.NoAnswer));
        CheckWeight(mix.Failed, nameof(OutcomeMix.Failed));

        for (var i = 0; i < options.NumberRules.Count; i++)
        {
            var rule = options.NumberRules[i];
            var key = Invariant($"{Section}:NumberRules:{i}");
            if (string.IsNullOrWhiteSpace(rule.Pattern) || rule.Pattern == "*")
            {
                failures.Add($"{key}:Pattern must be an E.164 number or a prefix ending in '*' (e.g. +1555019*); it is '{rule.Pattern}'.");
            }

            if (!Enum.IsDefined(rule.Outcome))
            {
                failures.Add($"{key}:Outcome must be one of {string.Join(", ", Enum.GetNames<SimulatedOutcome>())}.");
            }

            ValidateRuleFaults(rule, key, failures);
        }

        void CheckWeight(double weight, string name)
        {
            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                failures.Add(Invariant($"{Section}:Outcomes:{name} must be a weight of zero or more; it is {weight}."));
            }
        }
    }

    private static void ValidateRuleFaults(NumberRule rule, string key, List<string> failures)
    {
        if (!Enum.IsDefined(rule.Target))
        {
            failures.Add($"{key}:Target must be one of {string.Join(", ", Enum.GetNames<NumberRuleTarget>())}.");
        }
        else if (rule.Target == NumberRuleTarget.From && rule.ErrorCode is null)
        {
            failures.Add($"{key}:ErrorCode is required for a From rule (e.g. 21210, 21212 or 20003): a caller id only refuses calls.");
        }

        if (rule.ErrorCode is <= 0)
        {
            failures.Add(Invariant($"{key}:ErrorCode must be a Twilio error code such as 21211; it is {rule.ErrorCode}."));
        }

        if (rule.HttpStatus is { } status && !IsErrorStatus(status))
        {
            failures.Add(Invariant($"{key}:HttpStatus must be an error status from 400 to 599; it is {status}."));
        }

        if (rule.AnsweredBy is { } answeredBy && !AnsweredByValues.Contains(answeredBy, StringComparer.Ordinal))
        {
            failures.Add($"{key}:AnsweredBy must be one of {string.Join(", ", AnsweredByValues)}; it is '{answeredBy}'.");
        }
    }

    private static void ValidateFaults(SimulatorOptions options, List<string> failures)
    {
        if (!IsRate(options.CallsPerSecond))
        {
            failures.Add(Invariant($"{Section}:CallsPerSecond must be 0 (no limit) or a positive number of calls per second; it is {options.CallsPerSecond}."));
        }

        if (!(options.ConversationProcessingSeconds >= 0) || double.IsInfinity(options.ConversationProcessingSeconds))
        {
            failures.Add(Invariant($"{Section}:ConversationProcessingSeconds must be 0 or more simulated seconds; it is {options.ConversationProcessingSeconds}."));
        }

        if (options.MaxConcurrentCreateRequests < 0)
        {
            failures.Add(Invariant($"{Section}:MaxConcurrentCreateRequests must be 0 (no limit) or a number of requests; it is {options.MaxConcurrentCreateRequests}."));
        }

        CheckProbability(options.DuplicateCallbackProbability, Invariant($"{Section}:DuplicateCallbackProbability"), failures);
        CheckProbability(options.ReorderCallbackProbability, Invariant($"{Section}:ReorderCallbackProbability"), failures);
        var total = 0.0;
        for (var i = 0; i < options.CreateErrors.Count; i++)
        {
            var rate = options.CreateErrors[i];
            var key = Invariant($"{Section}:CreateErrors:{i}");
            if (rate.Code <= 0)
            {
                failures.Add(Invariant($"{key}:Code must be a Twilio error code such as 21214 or 20500; it is {rate.Code}."));
            }

            if (rate.HttpStatus is { } status && !IsErrorStatus(status))
            {
                failures.Add(Invariant($"{key}:HttpStatus must be an error status from 400 to 599; it is {status}."));
            }

            CheckProbability(rate.Probability, key + ":Probability", failures);
            total += rate.Probability;
        }

        if (total > 1 + 1e-9)
        {
            failures.Add(Invariant($"{Section}:CreateErrors probabilities add up to {total}; together they can refuse at most every request (1)."));
        }
    }

    private static void CheckProbability(double probability, string key, List<string> failures)
    {
        if (!(probability is >= 0 and <= 1))
        {
            failures.Add(Invariant($"{key} must be a probability from 0 to 1; it is {probability}."));
        }
    }

    private static bool IsRate(double rate) => rate >= 0 && double.IsFinite(rate);

    private static bool IsErrorStatus(int status) => status is >= 400 and <= 599;

    private static void ValidateRange(DurationRange range, string name, List<string> failures)
    {
        if (range is null || !(range.Min >= 0) || !(range.Max >= range.Min) || double.IsInfinity(range.Max))
        {
            failures.Add(Invariant($"{Section}:{name} needs 0 <= Min <= Max (simulated seconds); it is Min={range?.Min}, Max={range?.Max}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountSid();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    private static void ValidateConversationScripts(SimulatorOptions options, List<string> failures)
    {
        string[] results = ["success", "failure", "unknown"];
        if (!string.IsNullOrEmpty(options.PostCallWebhookUrl)
            && (!Uri.TryCreate(options.PostCallWebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"{Section}:PostCallWebhookUrl must be an absolute http(s) URL; it is '{options.PostCallWebhookUrl}'.");
        }

        if (!string.IsNullOrEmpty(options.PostCallWebhookUrl) && string.IsNullOrEmpty(options.PostCallWebhookSecret))
        {
            failures.Add($"{Section}:PostCallWebhookSecret must be set when {Section}:PostCallWebhookUrl is: ElevenLabs signs every webhook.");
        }

        for (var i = 0; i < options.ConversationScripts.Count; i++)
        {
            var script = options.ConversationScripts[i];
            var key = Invariant($"{Section}:ConversationScripts:{i}");
            if (string.IsNullOrEmpty(script.Pattern))
            {
                failures.Add($"{key}:Pattern must be an E.164 number or a prefix ending in '*'.");
            }

            if (!results.Contains(script.CallSuccessful))
            {
                failures.Add($"{key}:CallSuccessful must be success, failure or unknown; it is '{script.CallSuccessful}'.");
            }

            for (var c = 0; c < script.Evaluation.Count; c++)
            {
                if (string.IsNullOrEmpty(script.Evaluation[c].Id) || !results.Contains(script.Evaluation[c].Result))
                {
                    failures.Add(Invariant($"{key}:Evaluation:{c} needs an Id and a Result of success, failure or unknown."));
                }
            }

            if (script.Transcript.Exists(t => t.Role is not ("agent" or "user")))
            {
                failures.Add($"{key}:Transcript roles must be 'agent' or 'user'.");
            }

            if (script.Webhook == PostCallWebhookFault.Late && !(script.WebhookDelaySeconds >= 0))
            {
                failures.Add($"{key}:WebhookDelaySeconds must be zero or more simulated seconds.");
            }
        }
    }
}
