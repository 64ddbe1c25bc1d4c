namespace BatchFunctions.Api;

/// <summary>An accepted upload: the batch it became and how its file was read.</summary>
public sealed record UploadResponse(BatchCallResponse Batch, FileReport Report);
