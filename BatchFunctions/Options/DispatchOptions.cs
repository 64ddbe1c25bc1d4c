using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

public sealed class DispatchOptions
{
    public const string SectionName = "Dispatch";

    /// <summary>Calls live at once per batch, unless the batch sets target_concurrency_limit.</summary>
    [Range(1, 10_000, ErrorMessage = "Dispatch__MaxConcurrentCalls must be between 1 and 10000.")]
    public int MaxConcurrentCalls { get; set; } = 5;

    /// <summary>Seconds a call may ring before Twilio gives up (Twilio's Timeout).</summary>
    [Range(5, 600, ErrorMessage = "Dispatch__RingTimeoutSeconds must be between 5 and 600.")]
    public int RingTimeoutSeconds { get; set; } = 60;
}
