using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>The conversations registered or created so far, in order, with their current status.</summary>
internal sealed class ConversationLog
{
    private readonly Lock gate = new();
    private readonly List<string> order = [];
    private readonly Dictionary<string, SimulatedConversation> conversations = new(StringComparer.Ordinal);

    /// <summary>
    /// Ids follow from the seed (and <see cref="SimulatorOptions.ConversationIdSalt"/>) and the position in the log, so
    /// a rehearsal run is reproducible.
    /// </summary>
    public static string ConversationId(SimulatorOptions options, int ordinal)
    {
        var salt = string.IsNullOrEmpty(options.ConversationIdSalt) ? "" : options.ConversationIdSalt + "\n";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{salt}{options.Seed}\nconversation\n{ordinal}")));
        return "conv_" + Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>Adds the conversation that <paramref name="create"/> makes from its position in the log.</summary>
    public SimulatedConversation Add(Func<int, SimulatedConversation> create)
    {
        lock (gate)
        {
            var conversation = create(order.Count);
            order.Add(conversation.ConversationId);
            conversations.Add(conversation.ConversationId, conversation);
            return conversation;
        }
    }

    public SimulatedConversation? Find(string conversationId)
    {
        lock (gate)
        {
            return conversations.GetValueOrDefault(conversationId);
        }
    }

    /// <summary>Replaces the conversation with what <paramref name="change"/> makes of it; false when there is none.</summary>
    public bool Update(string conversationId, Func<SimulatedConversation, SimulatedConversation> change)
    {
        lock (gate)
        {
            if (!conversations.TryGetValue(conversationId, out var conversation))
            {
                return false;
            }

            conversations[conversationId] = change(conversation);
            return true;
        }
    }

    /// <summary>Attaches a register-call conversation to the call whose answer TwiML connected it; false when it is unknown or taken.</summary>
    public bool TryLink(string conversationId, Func<SimulatedConversation, SimulatedConversation> link)
    {
        lock (gate)
        {
            if (!conversations.TryGetValue(conversationId, out var conversation) || conversation.CallSid is not null)
            {
                return false;
            }

            conversations[conversationId] = link(conversation);
            return true;
        }
    }

    public IReadOnlyList<SimulatedConversation> All()
    {
        lock (gate)
        {
            return [.. order.Select(id => conversations[id])];
        }
    }
}
