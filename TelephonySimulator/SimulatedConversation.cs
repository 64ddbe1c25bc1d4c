using System.Text.Json;

namespace TelephonySimulator;

/// <summary>
/// An ElevenLabs conversation: registered through <c>POST /v1/convai/twilio/register-call</c>, or created by an
/// outbound-call request (<c>sip-trunk</c> or <c>twilio</c>).
/// </summary>
/// <param name="ConversationId">The id put into the returned TwiML (<c>conv_</c> + 32 hex digits).</param>
/// <param name="AgentId">The request's <c>agent_id</c>.</param>
/// <param name="FromNumber">The request's <c>from_number</c>.</param>
/// <param name="ToNumber">The request's <c>to_number</c>.</param>
/// <param name="Direction">The request's <c>direction</c>; <c>outbound</c> for outbound-call requests.</param>
/// <param name="ConversationInitiationClientData">The request's <c>conversation_initiation_client_data</c>, verbatim.</param>
/// <param name="CreatedAt">When the conversation was registered or created.</param>
public sealed record SimulatedConversation(
    string ConversationId,
    string AgentId,
    string FromNumber,
    string ToNumber,
    string? Direction,
    JsonElement? ConversationInitiationClientData,
    DateTimeOffset CreatedAt)
{
    /// <summary>Where the conversation stands: initiated, in progress, processing, done or failed.</summary>
    public SimulatedConversationStatus Status { get; init; } = SimulatedConversationStatus.Initiated;

    /// <summary>How the call was placed: <see cref="SimulatedChannel.Twilio"/> for register-call conversations.</summary>
    public SimulatedChannel Channel { get; init; } = SimulatedChannel.Twilio;

    /// <summary>The call that carries the conversation (a Twilio call SID or a SIP call id), once known.</summary>
    public string? CallSid { get; init; }

    /// <summary>The ElevenLabs phone number the call was placed from, when known.</summary>
    public string? PhoneNumberId { get; init; }

    /// <summary>How the call went once it was answered or ended: human, voicemail, busy, no-answer or failed (canceled calls count as failed).</summary>
    public SimulatedOutcome? Outcome { get; init; }

    /// <summary>How long the call talked, in simulated seconds; 0 until it has ended.</summary>
    public int CallDurationSeconds { get; init; }

    /// <summary>When the call ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }
}
