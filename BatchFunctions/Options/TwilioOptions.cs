using System.ComponentModel.DataAnnotations;

namespace BatchFunctions.Options;

public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    [Required(ErrorMessage = "Set Twilio__AccountSid to your Twilio Account SID (AC...).")]
    [RegularExpression("^AC[0-9a-fA-F]{32}$", ErrorMessage = "Twilio__AccountSid must be an Account SID: AC followed by 32 hex digits.")]
    public string AccountSid { get; set; } = "";

    [Required(ErrorMessage = "Set Twilio__AuthToken to the account's auth token (a Key Vault reference in Azure); it signs status callbacks.")]
    public string AuthToken { get; set; } = "";

    /// <summary>The account's outbound call creation rate (Twilio's default is 1); all running batches share it.</summary>
    [Range(0.1, 1000, ErrorMessage = "Twilio__CallsPerSecond must be between 0.1 and 1000 (your account's outbound CPS).")]
    public double CallsPerSecond { get; set; } = 1;

    /// <summary>
    /// Only for the telephony simulator or a test double: every Twilio request is sent here instead of
    /// api.twilio.com. Leave empty in production.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }
}
