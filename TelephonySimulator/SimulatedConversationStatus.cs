namespace TelephonySimulator;

/// <summary>The statuses of an ElevenLabs conversation (<c>GET /v1/convai/conversations/{conversation_id}</c>).</summary>
public enum SimulatedConversationStatus
{
    /// <summary>The call is being placed or rings (<c>initiated</c>).</summary>
    Initiated,

    /// <summary>The call was answered and the agent talks (<c>in-progress</c>).</summary>
    InProgress,

    /// <summary>The call has ended and ElevenLabs analyses it (<c>processing</c>).</summary>
    Processing,

    /// <summary>The conversation is over and analysed (<c>done</c>).</summary>
    Done,

    /// <summary>The call never connected: busy, no answer, failed or canceled (<c>failed</c>).</summary>
    Failed,
}
