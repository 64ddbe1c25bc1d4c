using System.Globalization;
using BatchFunctions.Batches;
using BatchFunctions.Options;

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

    /// <summary>The worksheet of an XLS or XLSX file to read; the first visible one when not set.</summary>
    public const string Sheet = "sheet";

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

        var name = Value(CallName) ?? Path.GetFileNameWithoutExtension(blobName);
        return (new BatchRequest(name, agentId, phoneNumberId, concurrency, $"blob:{blobName}"), new RecipientFileSettings(region, Value(Sheet)));
    }
}
