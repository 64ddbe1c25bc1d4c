using System.Globalization;
using BatchFunctions.Batches;
using BatchFunctions.Domain;
using BatchFunctions.Options;
using BatchFunctions.Scheduling;

namespace BatchFunctions.Ingestion;

/// <summary>
/// A dropped file carries its batch settings as blob metadata, so any standard tool can set them
/// (az storage blob upload --metadata, Storage Explorer, azcopy --metadata). Missing settings fall
/// back to the app's configured defaults.
/// </summary>
public static class BlobBatchSettings
{
    public const string CallName = "call_name";
    public const string AgentId = "agent_id";
    public const string PhoneNumberId = "agent_phone_number_id";
    public const string Region = "region";
    public const string TargetConcurrencyLimit = "target_concurrency_limit";
    public const string ScheduledTime = "scheduled_time";
    public const string TimeZone = "timezone";
    public const string CallingWindowHours = "calling_window";
    public const string CallingDays = "calling_days";
    public const string RetryMaxAttempts = "retry_max_attempts";
    public const string RetryOn = "retry_on";
    public const string RetryDelayMinutes = "retry_delay_minutes";
    public const string DoNotCall = "do_not_call";
    public const string RingingTimeout = "ringing_timeout_secs";
    public const string Recording = "recording";
    public const string MachineDetection = "machine_detection";

    /// <summary>Ours: what to say after the beep when an answering machine takes a call (detect_message_end detection).</summary>
    public const string VoicemailMessage = "voicemail_message";

    /// <summary>The worksheet of an XLS or XLSX file to read; the first visible one when not set.</summary>
    public const string Sheet = "sheet";

    /// <summary>The header of the column holding the numbers to call, for lists whose number column is not named phone_number.</summary>
    public const string PhoneColumn = "phone_column";

    public static (BatchRequest Request, RecipientFileSettings File) Read(IDictionary<string, string> metadata, BatchDefaultsOptions defaults, string blobName)
    {
        var values = new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase);
        string? Value(string key) => values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var agentId = Value(AgentId) ?? defaults.DefaultAgentId
            ?? throw new BatchRejectedException($"No agent given: set the blob metadata '{AgentId}' (e.g. az storage blob upload --metadata {AgentId}=agent_...) or the app setting Batch__DefaultAgentId.");
        var phoneNumberId = Value(PhoneNumberId) ?? defaults.DefaultPhoneNumberId
            ?? throw new BatchRejectedException($"No phone number given: set the blob metadata '{PhoneNumberId}' or the app setting Batch__DefaultPhoneNumberId.");
        var region = (Value(Region) ?? defaults.DefaultRegion).ToUpperInvariant();
        if (region.Length != 2 || !region.All(char.IsAsciiLetterUpper))
        {
            throw new BatchRejectedException($"The metadata '{Region}' must be a two-letter region such as US or GB, not '{region}'.");
        }

        int? concurrency = null;
        if (Value(TargetConcurrencyLimit) is { } limitText)
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
            {
                throw new BatchRejectedException($"The metadata '{TargetConcurrencyLimit}' must be a whole number of at least 1, not '{limitText}'.");
            }

            concurrency = limit;
        }

        var timeZone = Value(TimeZone);
        var voicemailMessage = Value(VoicemailMessage);
        if (voicemailMessage is not null && VoicemailMessages.Problem(voicemailMessage) is { } problem)
        {
            throw new BatchRejectedException($"The metadata '{VoicemailMessage}': {problem}");
        }

        var name = Value(CallName) ?? Path.GetFileNameWithoutExtension(blobName);
        var request = new BatchRequest(name, agentId, phoneNumberId, concurrency, $"blob:{blobName}", region,
            ScheduledStart(Value(ScheduledTime), timeZone), timeZone, Window(Value(CallingWindowHours), Value(CallingDays)),
            Retries(Value(RetryMaxAttempts), Value(RetryOn), Value(RetryDelayMinutes)), Value(DoNotCall),
            Telephony(Value(RingingTimeout), Value(Recording), Value(MachineDetection)), voicemailMessage);
        return (request, new RecipientFileSettings(region, Value(Sheet), Value(PhoneColumn)));
    }

    /// <summary>ISO 8601: with an offset it is that instant; without, it is local time in the timezone metadata (or UTC).</summary>
    private static DateTimeOffset? ScheduledStart(string? text, string? timeZone)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            throw new BatchRejectedException($"The metadata '{ScheduledTime}' must be an ISO 8601 date and time such as 2026-12-01T09:00 (local to '{TimeZone}') or 2026-12-01T14:00Z, not '{text}'.");
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && local.Kind != DateTimeKind.Unspecified)
        {
            return instant;
        }

        if (timeZone is null)
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            throw new BatchRejectedException($"The metadata '{TimeZone}' must be an IANA time zone such as America/New_York, not '{timeZone}'.");
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static TelephonyCallConfig? Telephony(string? ringingTimeout, string? recording, string? machineDetection)
    {
        if (ringingTimeout is null && recording is null && machineDetection is null)
        {
            return null;
        }

        int? timeout = null;
        if (ringingTimeout is not null)
        {
            if (!int.TryParse(ringingTimeout, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 5 or > 600)
            {
                throw new BatchRejectedException($"The metadata '{RingingTimeout}' must be a number of seconds from 5 to 600, not '{ringingTimeout}'.");
            }

            timeout = seconds;
        }

        if (recording is not null && !bool.TryParse(recording, out _))
        {
            throw new BatchRejectedException($"The metadata '{Recording}' must be true or false, not '{recording}'.");
        }

        Domain.MachineDetectionMode? detection = machineDetection?.ToLowerInvariant() switch
        {
            null or "disabled" or "off" => null,
            "enable" or "on" => Domain.MachineDetectionMode.Enable,
            "detect_message_end" => Domain.MachineDetectionMode.DetectMessageEnd,
            _ => throw new BatchRejectedException($"The metadata '{MachineDetection}' must be disabled, enable or detect_message_end, not '{machineDetection}'."),
        };
        return new TelephonyCallConfig(timeout, recording is null ? null : bool.Parse(recording), detection is null ? null : new TwilioMachineDetection(detection));
    }

    private static CallingWindow? Window(string? hours, string? days)
    {
        if (hours is null && days is null)
        {
            return null;
        }

        try
        {
            return CallingWindow.Parse(hours ?? "08:00-21:00", days);
        }
        catch (FormatException e)
        {
            throw new BatchRejectedException($"The metadata '{CallingWindowHours}'/'{CallingDays}': {e.Message}", e);
        }
    }

    private static RetryRules? Retries(string? maxAttempts, string? on, string? delayMinutes)
    {
        if (maxAttempts is null && on is null)
        {
            return null;
        }

        if (!int.TryParse(maxAttempts ?? "2", NumberStyles.None, CultureInfo.InvariantCulture, out var attempts)
            || !int.TryParse(delayMinutes ?? "60", NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            throw new BatchRejectedException($"The metadata '{RetryMaxAttempts}' and '{RetryDelayMinutes}' must be whole numbers.");
        }

        try
        {
            return RetryRules.Parse(attempts, on ?? "busy,no_answer", TimeSpan.FromMinutes(minutes));
        }
        catch (FormatException e)
        {
            throw new BatchRejectedException($"The metadata '{RetryOn}': {e.Message}", e);
        }
    }
}
