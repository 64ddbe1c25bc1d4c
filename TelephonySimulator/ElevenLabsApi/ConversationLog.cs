namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The conversations registered so far, in order.</summary>
internal sealed class ConversationLog
{
    private readonly Lock gate = new();
    private readonly List<SimulatedConversation> conversations = [];

    /// <summary>Adds the conversation that <paramref name="create"/> makes from its position in the log.</summary>
    public SimulatedConversation Add(Func<int, SimulatedConversation> create)
    {
        lock (gate)
        {
            var conversation = create(conversations.Count);
            conversations.Add(conversation);
            return conversation;
        }
    }

    public IReadOnlyList<SimulatedConversation> All()
    {
        lock (gate)
        {
            return [.. conversations];
        }
    }
}
