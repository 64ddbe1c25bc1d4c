namespace BatchFunctions.Ingestion;

/// <summary>Column names with a meaning of their own, as ElevenLabs defines them.</summary>
public static class RecipientColumns
{
    public const string PhoneNumber = "phone_number";
    public const string Language = "language";
    public const string FirstMessage = "first_message";
    public const string SystemPrompt = "system_prompt";
    public const string VoiceId = "voice_id";

    public static readonly IReadOnlySet<string> Overrides =
        new HashSet<string>([Language, FirstMessage, SystemPrompt, VoiceId], StringComparer.Ordinal);

    /// <summary>Headers people use for the phone column; a match earns a "did you mean" hint.</summary>
    public static readonly IReadOnlySet<string> PhoneNearMisses = new HashSet<string>(
        ["phonenumber", "phone", "phoneno", "mobile", "mobilenumber", "mobilephone", "cell", "cellphone", "telephone", "tel", "number", "msisdn", "to", "tonumber"],
        StringComparer.Ordinal);

    public static string Normalize(string header) => header.Trim().ToLowerInvariant();
}
