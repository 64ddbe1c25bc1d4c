using System.Reflection;
using BatchFunctions.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// Serves the app's HTTP-triggered functions on a real Kestrel listener, so real clients (HttpClient,
/// the simulator's webhooks, SDKs, browsers) reach the real function classes over HTTP. Requests are
/// routed as the Functions host routes them (<see cref="HostRouteTable"/>: alphabetical by function
/// name, first template and method match), not by endpoint routing, which prefers literal segments and
/// would hide a collision. Each request then passes the app's <see cref="StorageFaultMiddleware"/> and
/// <see cref="ApiKeyMiddleware"/> as in the worker; parameters are bound the way the host binds them. The Durable client is looked up per
/// request, so a test can replace the worker underneath (a crash and restart).
/// </summary>
public static class FunctionsHttpServer
{
    public static void MapHttpFunctions(this WebApplication app, Assembly functions, Func<DurableTaskClient> durable)
    {
        var methods = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        var routes = new List<HttpFunctionRoute>();
        foreach (var method in functions.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function
                || method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null) is not { } trigger)
            {
                continue;
            }

            methods.Add(function.Name, method);
            routes.Add(new HttpFunctionRoute(function.Name, trigger.Route!, trigger.Methods?.Select(m => m.ToUpperInvariant()).ToArray()));
        }

        var storageFaults = ActivatorUtilities.CreateInstance<StorageFaultMiddleware>(app.Services);
        var apiKeys = ActivatorUtilities.CreateInstance<ApiKeyMiddleware>(app.Services);
        var table = new HostRouteTable(
            routes,
            app.Services.GetRequiredService<IInlineConstraintResolver>(),
            route => Handler(methods[route.Name], route.Name, storageFaults, apiKeys, durable));
        app.UseRouter(table.Router);
    }

    private static RequestDelegate Handler(
        MethodInfo method, string functionName, StorageFaultMiddleware storageFaults, ApiKeyMiddleware apiKeys, Func<DurableTaskClient> durable)
    {
        var binders = method.GetParameters().Select(p => Binder(p, durable, method)).ToArray();
        return async context =>
        {
            IActionResult? result = null;
            await storageFaults.AnswerAsync(functionName, context, async () =>
            {
                if (await apiKeys.AdmitAsync(functionName, context))
                {
                    var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(context.RequestServices, method.DeclaringType!);
                    var arguments = binders.Select(bind => bind(context)).ToArray();
                    result = await (Task<IActionResult>)method.Invoke(instance, arguments)!;
                }
            });

            // The worker's ASP.NET Core integration executes the result after the worker middleware has returned,
            // so a fault while a result streams is not the middleware's to answer; here neither.
            if (result is not null)
            {
                await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
            }
        };
    }

    private static Func<HttpContext, object?> Binder(ParameterInfo parameter, Func<DurableTaskClient> durable, MethodInfo method)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context => context.Request;
        }

        if (parameter.ParameterType == typeof(DurableTaskClient))
        {
            return _ => durable();
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context => context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(string))
        {
            return context => context.GetRouteValue(parameter.Name!)?.ToString();
        }

        throw new NotSupportedException(
            $"{method.DeclaringType?.Name}.{method.Name}: the test host cannot bind parameter '{parameter.Name}' of type {parameter.ParameterType.Name}.");
    }
}
