using BatchFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace BatchFunctions.Api;

/// <summary>
/// The API's answer when the app's own storage fails under a request after the SDK's retries gave up: 503 with
/// Retry-After in ElevenLabs' error shape, where the host would send an empty 500. The caller learns that its
/// request was not at fault and can be sent again. Any other exception still fails the invocation (a defect).
/// </summary>
public sealed partial class StorageFaultMiddleware(ILogger<StorageFaultMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>Seconds a caller is asked to wait: longer than a storage throttling episode usually lasts, short enough for an operator at the dashboard.</summary>
    public const int RetryAfterSeconds = 5;

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } http)
        {
            await AnswerAsync(context.FunctionDefinition.Name, http, () => next(context));
        }
        else
        {
            await next(context);
        }
    }

    /// <summary>Runs <paramref name="function"/>; a storage fault it throws becomes the 503, written directly as <see cref="ApiKeyMiddleware"/> writes its 401, so the tests' HTTP server answers the same bytes.</summary>
    public async Task AnswerAsync(string functionName, HttpContext http, Func<Task> function)
    {
        try
        {
            await function();
        }
        catch (Exception e) when (!http.Response.HasStarted && StorageFaults.Describe(e, http.RequestAborted) is { } fault)
        {
            LogStorageFault(e, functionName, fault);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var answer = ApiError.ServiceUnavailable(
                $"The app's storage {fault} while answering; nothing in your request needs to change. Send it again in {RetryAfterSeconds} seconds.");
            await answer.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} answered 503: the app's storage {Fault}.")]
    private partial void LogStorageFault(Exception exception, string function, string fault);
}
