namespace BatchFunctions.Api;

/// <summary>
/// The API's routes. ElevenLabs' batch-calling routes keep their exact paths, so their SDK works with
/// only a base URL changed; what this app adds lives under <see cref="ExtensionsPrefix"/>, apart from them.
/// </summary>
public static class ApiRoutes
{
    private const string ElevenLabs = "v1/convai/batch-calling";

    /// <summary>Routes that are ours, not ElevenLabs'.</summary>
    public const string ExtensionsPrefix = "api/batch-calling";

    public const string Submit = ElevenLabs + "/submit";
    public const string Workspace = ElevenLabs + "/workspace";
    public const string Batch = ElevenLabs + "/{batchId}";
    public const string Cancel = ElevenLabs + "/{batchId}/cancel";
    public const string Retry = ElevenLabs + "/{batchId}/retry";
    public const string Export = ElevenLabs + "/{batchId}/export";

    public const string Pause = ExtensionsPrefix + "/{batchId}/pause";
    public const string Resume = ExtensionsPrefix + "/{batchId}/resume";
    public const string Concurrency = ExtensionsPrefix + "/{batchId}/concurrency";
    public const string Upload = ExtensionsPrefix + "/upload";
    public const string Validate = ExtensionsPrefix + "/validate";
    public const string TestCall = ExtensionsPrefix + "/test-call";
    public const string Template = ExtensionsPrefix + "/template";
    public const string Summary = ExtensionsPrefix + "/{batchId}/summary";
    public const string Recipients = ExtensionsPrefix + "/{batchId}/recipients";

    /// <summary>Counts of the batch's conversation results; the id constrained to a batch id's shape (see <see cref="Conversation"/>).</summary>
    public const string Results = ExtensionsPrefix + "/{batchId:regex(^btcal_\\w+$)}/results";
    public const string Defaults = ExtensionsPrefix + "/defaults";
    public const string Agent = ExtensionsPrefix + "/agents/{agentId}";
    public const string PhoneNumber = ExtensionsPrefix + "/phone-numbers/{phoneNumberId}";

    /// <summary>
    /// A conversation's full transcript and analysis, and its recording. The id is constrained to ElevenLabs' shape
    /// (conv_ + word characters): the Functions host takes the first route that matches in alphabetical order of
    /// function name, so a bare parameter could catch another function's literal path.
    /// </summary>
    public const string Conversation = ExtensionsPrefix + "/conversations/{conversationId:maxlength(128):regex(^conv_\\w+$)}";
    public const string ConversationAudio = ExtensionsPrefix + "/conversations/{conversationId:maxlength(128):regex(^conv_\\w+$)}/audio";

    /// <summary>The operator dashboard's page; its files are <see cref="DashboardFile"/>. Not behind the API key: the page asks for it.</summary>
    public const string Dashboard = "dashboard";
    public const string DashboardFile = Dashboard + "/{file}";
    public const string OpenApi = "api/openapi.json";
}
