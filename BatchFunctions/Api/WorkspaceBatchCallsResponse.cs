namespace BatchFunctions.Api;

/// <summary>ElevenLabs' WorkspaceBatchCallsResponse: one page of batches, newest first.</summary>
/// <param name="NextDoc">The cursor to pass as last_doc for the next page; null on the last page.</param>
public sealed record WorkspaceBatchCallsResponse(IReadOnlyList<BatchCallResponse> BatchCalls, string? NextDoc, bool HasMore);
