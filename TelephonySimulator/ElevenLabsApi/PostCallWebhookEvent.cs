namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The body of a <c>post_call_transcription</c> webhook: <c>data</c> is the conversation as the GET endpoint returns it.</summary>
internal sealed record PostCallWebhookEvent(string Type, long EventTimestamp, ConversationResponse Data);
