namespace BatchFunctions.Api;

/// <summary>
/// The API's routes. ElevenLabs' batch-calling routes keep their exact paths, so their SDK works with
/// only a base URL changed; what this app adds lives under <see cref="ExtensionsPrefix"/>, apart from them.
/// </summary>
/// <remarks>
/// The Functions host does not rank routes as ASP.NET Core does: it tries HTTP functions in alphabetical
/// order of name and takes the first whose template matches, so an unconstrained <c>{batchId}</c> (GetBatch)
/// took <c>workspace</c> from ListBatches. The batch id is therefore constrained to the shape every id has,
/// which no literal segment has, and no request can match two functions whatever the order.
/// </remarks>
public static class ApiRoutes
{
    private const string ElevenLabs = "v1/convai/batch-calling";

    /// <summary>
    /// <see cref="BatchIds.Pattern"/> as a route constraint. A template needs the regex's braces doubled, not its
    /// brackets: "[[" is MVC's token-replacement escape, and here it would stay "[[" (BatchIdsTests checks this).
    /// </summary>
    private const string BatchId = "{batchId:regex(^btcal_[0-9a-f]{{24}}$)}";

    /// <summary>Routes that are ours, not ElevenLabs'.</summary>
    public const string ExtensionsPrefix = "api/batch-calling";

    public const string Submit = ElevenLabs + "/submit";
    public const string Workspace = ElevenLabs + "/workspace";
    public const string Batch = ElevenLabs + "/" + BatchId;
    public const string Cancel = ElevenLabs + "/" + BatchId + "/cancel";
    public const string Retry = ElevenLabs + "/" + BatchId + "/retry";
    public const string Export = ElevenLabs + "/" + BatchId + "/export";

    public const string Pause = ExtensionsPrefix + "/" + BatchId + "/pause";
    public const string Resume = ExtensionsPrefix + "/" + BatchId + "/resume";
    public const string Concurrency = ExtensionsPrefix + "/" + BatchId + "/concurrency";
    public const string Upload = ExtensionsPrefix + "/upload";
    public const string Validate = ExtensionsPrefix + "/validate";
    public const string TestCall = ExtensionsPrefix + "/test-call";
    public const string Template = ExtensionsPrefix + "/template";
    public const string Summary = ExtensionsPrefix + "/" + BatchId + "/summary";
    public const string Recipients = ExtensionsPrefix + "/" + BatchId + "/recipients";

    /// <summary>Counts of the batch's conversation results, for the dashboard's charts.</summary>
    public const string Results = ExtensionsPrefix + "/" + BatchId + "/results";

    /// <summary>The batch's calls dialed, answered and ended per minute, for the dashboard's chart.</summary>
    public const string Timeline = ExtensionsPrefix + "/" + BatchId + "/timeline";
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

    /// <summary>A route as clients see it: each parameter without its constraint (<c>{batchId}</c>), as documented.</summary>
    public static string PathOf(string route) =>
        string.Join('/', route.Split('/').Select(segment =>
            segment.StartsWith('{') && segment.EndsWith('}') && segment.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
                ? segment[..colon] + "}"
                : segment));
}
