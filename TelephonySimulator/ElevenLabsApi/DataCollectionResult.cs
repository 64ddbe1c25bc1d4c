namespace TelephonySimulator.ElevenLabsApi;

/// <summary>One entry of <c>analysis.data_collection_results</c>.</summary>
internal sealed record DataCollectionResult(string DataCollectionId, string? Value, string Rationale);
