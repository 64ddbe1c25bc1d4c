using Azure;

namespace BatchFunctions.Storage;

/// <summary>Which exceptions mean the app's own storage failed (after the SDK's retries), as opposed to the app's logic or the caller going away.</summary>
public static class StorageFaults
{
    /// <summary>What failed, worded to follow "The app's storage ...", or null when <paramref name="e"/> is not a storage fault.</summary>
    public static string? Describe(Exception e, CancellationToken requestAborted) => e switch
    {
        // Status 0: storage could not be reached at all. 4xx answers are the app's own logic (conflicts,
        // missing rows) or its configuration (credentials), which repeating the request cannot mend.
        RequestFailedException { Status: 0 } => "could not be reached",
        RequestFailedException { Status: >= 500 } failed => $"failed (HTTP {failed.Status}{(failed.ErrorCode is { } code ? " " + code : "")})",

        // The SDK's network timeout cancels the call; a caller that went away cancels it too, and that is no fault.
        OperationCanceledException when !requestAborted.IsCancellationRequested => "did not answer in time",
        _ => null,
    };
}
