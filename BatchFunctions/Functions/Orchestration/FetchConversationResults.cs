using BatchFunctions.Conversations;
using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Fetches a conversation's results from GET /v1/convai/conversations/{id} unless a webhook has already brought
/// them. ElevenLabs failing (5xx, unreachable) throws <see cref="HttpRequestException"/>, which the caller retries.
/// </summary>
public sealed class FetchConversationResults(ConversationResultStore store, ElevenLabsClient elevenLabs, ConversationResults results)
    : TaskActivity<ConversationLink, FetchOutcome>
{
    [Function(nameof(FetchConversationResults))]
    public static Task<FetchOutcome> Run([ActivityTrigger] ConversationLink link, FunctionContext function) =>
        FunctionActivity.RunAsync<FetchConversationResults, ConversationLink, FetchOutcome>(function, nameof(FetchConversationResults), link);

    public override async Task<FetchOutcome> RunAsync(TaskActivityContext context, ConversationLink link)
    {
        if (await store.HasResultsAsync(link, CancellationToken.None))
        {
            return FetchOutcome.AlreadyStored;
        }

        using var conversation = await elevenLabs.GetConversationDetailsAsync(link.ConversationId, CancellationToken.None);
        if (conversation is null)
        {
            return FetchOutcome.Unknown;
        }

        if (!ConversationDetails.IsFinal(conversation.RootElement))
        {
            return FetchOutcome.NotReady;
        }

        await results.StoreAsync(link, conversation.RootElement, ResultsSource.Fetched, CancellationToken.None);
        return FetchOutcome.Stored;
    }
}
