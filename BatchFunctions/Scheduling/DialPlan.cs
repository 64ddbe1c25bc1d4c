namespace BatchFunctions.Scheduling;

/// <summary>How a batch may dial: when (calling window), how often (retries) and whom never (do-not-call list).</summary>
/// <param name="DefaultTimeZone">IANA zone for recipients whose zone neither a timezone column nor their number tells.</param>
/// <param name="DoNotCallList">Blob (container/name) in the app's storage with one phone number per line, checked right before each dial.</param>
public sealed record DialPlan(CallingWindow Window, RetryRules Retries, string DefaultTimeZone, string? DoNotCallList)
{
    public static readonly DialPlan Default = new(CallingWindow.Tcpa, RetryRules.None, "UTC", null);
}
