using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Keys accepted in the xi-api-key header; more than one so a key can be rotated without downtime.</summary>
    [MinLength(1, ErrorMessage = "Set Api__Keys__0 to the key clients send in the xi-api-key header (a Key Vault reference in Azure).")]
    public List<string> Keys { get; set; } = [];
}
