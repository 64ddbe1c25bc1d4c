namespace BatchFunctions.Api;

/// <summary>
/// The recipient file template served for download. The ingestion side plans a RecipientTemplate of
/// its own (one per format); until it lands, this is the CSV the blob drop reads.
/// </summary>
public static class RecipientTemplate
{
    public const string FileName = "batch-calling-template.csv";

    /// <summary>phone_number is required; every other column becomes a dynamic variable of the same name.</summary>
    public const string Csv = "phone_number,name,appointment_date\r\n+14155550123,Ann Example,2026-12-01\r\n";
}
