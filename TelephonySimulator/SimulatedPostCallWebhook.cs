namespace TelephonySimulator;

/// <summary>One delivery of a post-call webhook, as the simulator sent it.</summary>
/// <param name="ConversationId">The conversation the event is about.</param>
/// <param name="HttpStatus">The receiver's answer; 0 when it gave none.</param>
/// <param name="Repeated">True for the second delivery of a duplicated webhook.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Body">The raw body, exactly as signed.</param>
/// <param name="Signature">The <c>ElevenLabs-Signature</c> header sent with it.</param>
public sealed record SimulatedPostCallWebhook(string ConversationId, int HttpStatus, bool Repeated, DateTimeOffset SentAt, string Body, string Signature);
