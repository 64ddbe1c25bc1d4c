using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

public sealed class ElevenLabsOptions
{
    public const string SectionName = "ElevenLabs";

    [Required(ErrorMessage = "Set ElevenLabs__ApiKey to an ElevenLabs API key (a Key Vault reference in Azure).")]
    public string ApiKey { get; set; } = "";

    [Required(ErrorMessage = "Set ElevenLabs__BaseUrl, normally https://api.elevenlabs.io.")]
    public Uri BaseUrl { get; set; } = new("https://api.elevenlabs.io");
}
