using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

/// <summary>
/// For rehearsals against the telephony simulator: campaign time (calling windows, retry delays) may
/// start at a chosen moment and run faster than the wall clock. Leave unset in production.
/// </summary>
public sealed class RehearsalOptions
{
    public const string SectionName = "Rehearsal";

    /// <summary>The campaign time at app start; null: now.</summary>
    public DateTimeOffset? ClockStart { get; set; }

    [Range(1, 1_000_000, ErrorMessage = "Rehearsal__TimeAcceleration must be at least 1 (1 = real time).")]
    public double TimeAcceleration { get; set; } = 1;
}
