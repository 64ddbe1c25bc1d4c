using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

/// <summary>Settings a dropped file gets when its blob metadata does not name them.</summary>
public sealed class BatchDefaultsOptions
{
    public const string SectionName = "Batch";

    public string? DefaultAgentId { get; set; }

    public string? DefaultPhoneNumberId { get; set; }

    /// <summary>ISO 3166 region used to read numbers written without a country code.</summary>
    [Required(ErrorMessage = "Set Batch__DefaultRegion to a two-letter region such as US or GB.")]
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "Batch__DefaultRegion must be a two-letter region such as US or GB.")]
    public string DefaultRegion { get; set; } = "US";
}
