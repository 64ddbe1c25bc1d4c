namespace TelephonySimulator.ElevenLabsApi;

/// <summary>One entry of a FastAPI-style 422 body, as ElevenLabs returns for malformed requests.</summary>
internal sealed record ValidationErrorItem(IReadOnlyList<string> Loc, string Msg, string Type);
