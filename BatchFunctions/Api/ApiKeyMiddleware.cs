using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace BatchFunctions.Api;

/// <summary>
/// The one API key check: an HTTP function runs only with a valid xi-api-key unless it is marked
/// <see cref="WithoutApiKeyAttribute"/>; otherwise the caller gets ElevenLabs' 401 and the function
/// never runs. Runs in the worker after the ASP.NET Core integration has attached the request.
/// </summary>
public sealed class ApiKeyMiddleware(ApiKeyAuthenticator authenticator) : IFunctionsWorkerMiddleware
{
    private const string HttpTrigger = "httpTrigger";

    /// <summary>Function names marked <see cref="WithoutApiKeyAttribute"/>, read once from the app's own [Function] methods.</summary>
    private static readonly FrozenSet<string> WithoutKey = typeof(ApiKeyMiddleware).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null
            && (method.IsDefined(typeof(WithoutApiKeyAttribute)) || method.DeclaringType!.IsDefined(typeof(WithoutApiKeyAttribute))))
        .Select(method => method.GetCustomAttribute<FunctionAttribute>()!.Name)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the function answers without the key.</summary>
    public static bool IsWithoutKey(string functionName) => WithoutKey.Contains(functionName);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.FunctionDefinition.InputBindings.Values.Any(b => string.Equals(b.Type, HttpTrigger, StringComparison.OrdinalIgnoreCase)))
        {
            // Fail closed: without the request (this middleware registered before the ASP.NET Core
            // integration's) no HTTP function may run unchecked.
            var http = context.GetHttpContext()
                ?? throw new InvalidOperationException($"{nameof(ApiKeyMiddleware)} saw {context.FunctionDefinition.Name} without its HttpContext; register it after ConfigureFunctionsWebApplication.");
            if (!await AdmitAsync(context.FunctionDefinition.Name, http))
            {
                return;
            }
        }

        await next(context);
    }

    /// <summary>
    /// Whether the request may reach the function. If not, the 401 is already written to the response.
    /// Written directly rather than set as the invocation result, as HttpResponseData is, so a host that
    /// runs this outside the worker pipeline (the tests' HTTP server) answers the same bytes.
    /// </summary>
    public async Task<bool> AdmitAsync(string functionName, HttpContext http)
    {
        if (IsWithoutKey(functionName) || authenticator.IsAuthorized(http.Request))
        {
            return true;
        }

        await ApiError.Unauthorized().ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
        return false;
    }
}
