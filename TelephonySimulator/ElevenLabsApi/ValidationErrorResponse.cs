namespace TelephonySimulator.ElevenLabsApi;

/// <summary>ElevenLabs' 422 body for a request that does not match the schema.</summary>
internal sealed record ValidationErrorResponse(IReadOnlyList<ValidationErrorItem> Detail);
