namespace TelephonySimulator.ElevenLabsApi;

/// <summary>One entry of a conversation's <c>transcript</c>.</summary>
internal sealed record TranscriptTurn(string Role, string Message, double TimeInCallSecs);
