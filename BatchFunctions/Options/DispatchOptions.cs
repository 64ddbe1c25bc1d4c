using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>
    /// The ElevenLabs workspace's concurrent-call limit (no API exposes it). Batches together use at most
    /// half of it; each batch at most that or 70% of its agent's limit, unless it sets target_concurrency_limit.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Dispatch__WorkspaceConcurrencyLimit must be between 1 and 100000 (your ElevenLabs workspace's concurrency limit).")]
    public int WorkspaceConcurrencyLimit { get; set; } = 20;

    /// <summary>Seconds a call may ring before Twilio gives up (Twilio's Timeout).</summary>
    [Range(5, 600, ErrorMessage = "Dispatch__RingTimeoutSeconds must be between 5 and 600.")]
    public int RingTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// How often a live call whose end has not been reported is looked up at the provider: a final
    /// callback lost (the host was down, a network fault) frees the call's slot at most this late.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Dispatch__LiveCallCheckInterval must be between 00:00:01 and 01:00:00.")]
    public TimeSpan LiveCallCheckInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a batch's slots in the workspace budget stay leased without renewal (a running batch
    /// renews every 30 s): a batch that was terminated or crashed gives its slots back after this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00", ErrorMessage = "Dispatch__BudgetLeaseDuration must be between 00:00:10 and 01:00:00.")]
    public TimeSpan BudgetLeaseDuration { get; set; } = TimeSpan.FromMinutes(5);


    /// <summary>How often a SIP-trunk call's conversation is checked for its end; its slot frees that much late at most.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Dispatch__SipPollInterval must be between 00:00:01 and 00:10:00.")]
    public TimeSpan SipPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// No dial starts this close to a calling window's closing in any of the recipient's zones, so a
    /// call does not run past the window; the recipient waits for its next opening instead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Dispatch__WindowClosingMargin must be between 00:00:00 and 01:00:00 (how long before a calling window closes no call is started).")]
    public TimeSpan WindowClosingMargin { get; set; } = TimeSpan.FromMinutes(5);
}
