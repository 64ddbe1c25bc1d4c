using BatchFunctions.Batches;
using BatchFunctions.Ingestion;

namespace BatchFunctions.Api;

/// <summary>A submit request that passed the API's checks: the batch settings and its recipients, as a dropped file would give them.</summary>
public sealed record SubmittedBatch(BatchRequest Request, ParsedRecipientList Recipients);
