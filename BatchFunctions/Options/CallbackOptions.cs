using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

public sealed class CallbackOptions
{
    public const string SectionName = "Callbacks";

    /// <summary>
    /// The app's address as Twilio reaches it (scheme, host, port). Twilio signs the URL it called, so
    /// behind a proxy this must be the public address, not the one the app sees.
    /// </summary>
    [Required(ErrorMessage = "Set Callbacks__PublicBaseUrl to the app's public address as Twilio reaches it, e.g. https://myapp.azurewebsites.net.")]
    public Uri PublicBaseUrl { get; set; } = null!;
}
