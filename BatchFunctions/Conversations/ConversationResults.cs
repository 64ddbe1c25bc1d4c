using System.Text.Json;
using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Storage;

namespace BatchFunctions.Conversations;

/// <summary>
/// Keeps a conversation's results for its recipient, whichever way they came (webhook or fetch): the summary
/// beside the recipient, the whole body as a blob. Both ways write the same thing, so either may come first,
/// twice, or both.
/// </summary>
public sealed class ConversationResults(ConversationResultStore store, TimeProvider clock)
{
    /// <param name="conversation">The conversation as ElevenLabs describes it (a webhook's <c>data</c>, or the GET body).</param>
    /// <returns>False when a later attempt's results were already stored.</returns>
    public Task<bool> StoreAsync(ConversationLink link, JsonElement conversation, ResultsSource source, CancellationToken cancellationToken)
    {
        var summary = ConversationDetails.Summarize(conversation, link.Attempt, source, clock.GetUtcNow()) with { ConversationId = link.ConversationId };
        return store.SaveAsync(link, summary, BinaryData.FromString(conversation.GetRawText()), cancellationToken);
    }
}
