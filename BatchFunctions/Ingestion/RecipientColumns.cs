namespace BatchFunctions.Ingestion;

/// <summary>Column names with a meaning of their own, as ElevenLabs defines them, plus the app's own.</summary>
public static class RecipientColumns
{
    public const string PhoneNumber = "phone_number";
    public const string Language = "language";
    public const string FirstMessage = "first_message";
    public const string SystemPrompt = "system_prompt";
    public const string VoiceId = "voice_id";

    /// <summary>The recipient's IANA time zone, for calling windows; it is also passed on as a dynamic variable.</summary>
    public const string TimeZone = "timezone";

    /// <summary>Ours: what to leave on this recipient's answering machine after the beep; not passed to the agent.</summary>
    public const string VoicemailMessage = "voicemail_message";

    public static readonly IReadOnlySet<string> Overrides =
        new HashSet<string>([Language, FirstMessage, SystemPrompt, VoiceId], StringComparer.Ordinal);

    /// <summary>Headers people use for the phone column (letters and digits only); a match earns a "did you mean" hint.</summary>
    public static readonly IReadOnlySet<string> PhoneNearMisses = new HashSet<string>(
        [
            "phonenumber", "phone", "phoneno", "phonenum", "phones", "mobile", "mobilenumber", "mobileno", "mobilephone", "cell", "cellphone",
            "cellnumber", "telephone", "telephonenumber", "tel", "telno", "number", "msisdn", "to", "tonumber", "contactnumber", "contactphone",
            "whatsapp", "e164", "telefon", "telefono", "telefone", "telephon", "numero",
        ],
        StringComparer.Ordinal);

    /// <summary>
    /// The name a header is matched by: case and surrounding spaces ignored, including the byte order
    /// marks and zero-width spaces that exports leave in the first header.
    /// </summary>
    public static string Normalize(string header) => header.Trim().Trim('\uFEFF', '\u200B').Trim().ToLowerInvariant();
}
