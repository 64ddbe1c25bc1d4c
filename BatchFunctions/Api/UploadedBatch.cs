using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using Microsoft.AspNetCore.Http;

namespace BatchFunctions.Api;

/// <summary>A multipart upload: the recipient file and the batch settings sent beside it as form fields.</summary>
public sealed record UploadedBatch(BatchRequest Request, RecipientFileSettings Settings, IFormFile File);
