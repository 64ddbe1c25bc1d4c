namespace BatchFunctions.Scheduling;

/// <summary>
/// Automatic retries (ElevenLabs has none): after an outcome listed in <see cref="Delays"/> the
/// recipient is called again after that delay, until <see cref="MaxAttempts"/> attempts have been made
/// in all (shared across outcomes).
/// </summary>
public sealed record RetryRules(int MaxAttempts, IReadOnlyDictionary<RetryableOutcome, TimeSpan> Delays)
{
    public static readonly RetryRules None = new(1, new Dictionary<RetryableOutcome, TimeSpan>());

    private static readonly Dictionary<string, RetryableOutcome> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["busy"] = RetryableOutcome.Busy,
        ["no_answer"] = RetryableOutcome.NoAnswer,
        ["voicemail"] = RetryableOutcome.Voicemail,
        ["transient_failure"] = RetryableOutcome.TransientFailure,
    };

    /// <summary>Reads "busy,no_answer:120" (outcome, optionally ":minutes"; others wait <paramref name="defaultDelay"/>).</summary>
    /// <exception cref="FormatException">The message says what is wrong and what is expected.</exception>
    public static RetryRules Parse(int maxAttempts, string outcomes, TimeSpan defaultDelay)
    {
        if (maxAttempts < 1)
        {
            throw new FormatException("The maximum number of attempts must be at least 1.");
        }

        var delays = new Dictionary<RetryableOutcome, TimeSpan>();
        foreach (var item in outcomes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (!Names.TryGetValue(parts[0], out var outcome))
            {
                throw new FormatException($"'{parts[0]}' is not a retryable outcome; use busy, no_answer, voicemail or transient_failure.");
            }

            if (parts.Length > 2 || parts.Length == 2 && (!int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var minutes) || minutes < 0))
            {
                throw new FormatException($"'{item}' must be an outcome optionally followed by :minutes, e.g. no_answer:60.");
            }

            delays[outcome] = parts.Length == 2 ? TimeSpan.FromMinutes(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)) : defaultDelay;
        }

        return new RetryRules(maxAttempts, delays);
    }

    /// <returns>The delay before the next attempt, or null when this outcome is final for the recipient.</returns>
    public TimeSpan? DelayAfter(RetryableOutcome? outcome, int attemptsMade) =>
        outcome is { } o && attemptsMade < MaxAttempts && Delays.TryGetValue(o, out var delay) ? delay : null;
}
