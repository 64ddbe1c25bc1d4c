using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using BatchFunctions.Api;
using BatchFunctions.Batches;
using BatchFunctions.Options;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Providers.Twilio;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace BatchFunctions.Hosting;

public static class BatchCallingServiceCollectionExtensions
{
    /// <summary>Everything the functions need, from configuration. The Functions host and the tests both compose the app here.</summary>
    public static IServiceCollection AddBatchCalling(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddValidatedOptions<TwilioOptions>(configuration, TwilioOptions.SectionName);
        services.AddValidatedOptions<ElevenLabsOptions>(configuration, ElevenLabsOptions.SectionName);
        services.AddValidatedOptions<CallbackOptions>(configuration, CallbackOptions.SectionName);
        services.AddValidatedOptions<ApiOptions>(configuration, ApiOptions.SectionName);
        services.AddValidatedOptions<DispatchOptions>(configuration, DispatchOptions.SectionName);
        services.AddValidatedOptions<BatchDefaultsOptions>(configuration, BatchDefaultsOptions.SectionName);
        services.AddValidatedOptions<RehearsalOptions>(configuration, RehearsalOptions.SectionName);
        services.AddValidatedOptions<ConversationOptions>(configuration, ConversationOptions.SectionName);
        services.AddSingleton<ICampaignClock>(provider =>
        {
            var rehearsal = provider.GetRequiredService<IOptions<RehearsalOptions>>().Value;
            return new CampaignClock(provider.GetRequiredService<TimeProvider>(), rehearsal.ClockStart, rehearsal.TimeAcceleration);
        });
        services.AddValidatedOptions<IngestionOptions>(configuration, IngestionOptions.SectionName);

        return services
            .AddAppStorage(configuration)
            .AddTwilio()
            .AddElevenLabs()
            .AddTransient<BatchLauncher>()
            .AddSingleton<BatchControl>()
            .AddBatchApi();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// The app keeps its data in the storage account the Functions host uses: a connection string
    /// locally (Azurite), the account name plus managed identity in Azure.
    /// </summary>
    private static IServiceCollection AddAppStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[StorageNames.ConnectionName];
        var accountName = configuration[$"{StorageNames.ConnectionName}:accountName"];
        if (string.IsNullOrEmpty(connectionString) && string.IsNullOrEmpty(accountName))
        {
            throw new InvalidOperationException(
                $"Set {StorageNames.ConnectionName} to a storage connection string, or {StorageNames.ConnectionName}__accountName for managed identity.");
        }

        if (!string.IsNullOrEmpty(connectionString))
        {
            services.AddSingleton(new BlobServiceClient(connectionString));
            services.AddSingleton(new TableServiceClient(connectionString));
        }
        else
        {
            var credential = new DefaultAzureCredential();
            services.AddSingleton(new BlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"), credential));
            services.AddSingleton(new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential));
        }

        return services
            .AddSingleton<RecipientStore>()
            .AddSingleton<AttemptStore>()
            .AddSingleton<DoNotCallList>()
            .AddSingleton<BatchIndex>()
            .AddSingleton<UploadArchive>()
            .AddSingleton<ConversationIndex>()
            .AddSingleton<ConversationResultStore>()
            .AddSingleton<WebhookReceipts>()
            .AddSingleton<Conversations.ConversationResults>()
            .AddSingleton<Functions.Orchestration.ConversationFollowUp>();
    }

    private static IServiceCollection AddBatchApi(this IServiceCollection services) => services
        .AddSingleton<ApiKeyAuthenticator>()
        .AddSingleton<SubmitRequestReader>()
        .AddSingleton<UploadedBatchReader>()
        .AddSingleton<BatchReader>()
        .AddSingleton<BatchRemover>()
        .AddSingleton<RecipientPages>()
        .AddSingleton<BatchResultsReader>()
        .AddSingleton<Dashboard.DashboardAssets>();

    private static IServiceCollection AddTwilio(this IServiceCollection services)
    {
        var http = services.AddHttpClient(nameof(TwilioRestClient), client => client.Timeout = TimeSpan.FromSeconds(30));
        http.AddHttpMessageHandler(provider =>
            provider.GetRequiredService<IOptions<TwilioOptions>>().Value.ApiBaseUrl is { } baseUrl
                ? new ApiBaseUrlHandler(baseUrl)
                : new PassThroughHandler());

        services.AddSingleton<ITwilioRestClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<TwilioOptions>>().Value;
            var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TwilioRestClient));
            return new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(httpClient));
        });
        return services
            .AddSingleton<TwilioCallPlacer>()
            .AddSingleton<TwilioRequestAuthenticator>();
    }

    private static IServiceCollection AddElevenLabs(this IServiceCollection services)
    {
        services.AddHttpClient<ElevenLabsClient>((provider, client) =>
        {
            var options = provider.GetRequiredService<IOptions<ElevenLabsOptions>>().Value;
            client.BaseAddress = new Uri(options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/");
            client.DefaultRequestHeaders.Add(ElevenLabsClient.ApiKeyHeader, options.ApiKey);
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        // Transient like the typed HttpClient it wraps, so the client's handler keeps rotating; the cache is shared.
        return services.AddMemoryCache().AddTransient<ElevenLabsDirectory>().AddTransient<SipTrunkDialer>();
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
