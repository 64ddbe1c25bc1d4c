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

    /// <summary>IANA zone for recipients whose local time neither a timezone column nor their number tells.</summary>
    [Required(ErrorMessage = "Set Batch__DefaultTimeZone to an IANA time zone such as America/New_York.")]
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>Local hours recipients may be called in unless a batch says otherwise (TCPA: 08:00-21:00).</summary>
    [Required(ErrorMessage = "Set Batch__DefaultCallingWindow to local hours such as 08:00-21:00.")]
    public string DefaultCallingWindow { get; set; } = "08:00-21:00";
}
