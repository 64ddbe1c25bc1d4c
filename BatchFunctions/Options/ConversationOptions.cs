using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

/// <summary>How conversation results reach the app: ElevenLabs' post-call webhook, or a fetch when it does not come.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>
    /// The shared secret of the ElevenLabs workspace webhook (post-call transcription), which signs every delivery.
    /// Empty: every webhook is refused and results come only from the fetch after <see cref="FallbackDelay"/>.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>How long after a conversation starts, and then between checks, its results are fetched if no webhook brought them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Set Conversations__FallbackDelay between 00:00:01 and 1.00:00:00 (default 00:05:00).")]
    public TimeSpan FallbackDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a conversation that is still in progress or processing is checked before the fetch gives up.</summary>
    [Range(1, 1000, ErrorMessage = "Set Conversations__FallbackChecks between 1 and 1000 (default 24).")]
    public int FallbackChecks { get; set; } = 24;
}
