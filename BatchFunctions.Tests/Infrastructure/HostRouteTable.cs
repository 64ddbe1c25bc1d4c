using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.Extensions.DependencyInjection;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// HTTP functions routed as the Azure Functions host routes them (azure-functions-host's
/// WebScriptHostHttpRoutesManager with WebJobs' WebJobsRouteBuilder): one ASP.NET Core
/// <see cref="Route"/> per function, its methods as an "httpMethod" constraint, tried in alphabetical
/// order of function name, the first whose template, inline constraints and method match wins. Unlike
/// endpoint routing, nothing prefers a literal segment over a parameter (azure-functions-host #3153,
/// #9876), so an unconstrained <c>{batchId}</c> catches <c>workspace</c> when its function sorts first.
/// </summary>
public sealed class HostRouteTable
{
    /// <summary>The host puts the function's name in the route's data tokens under this key.</summary>
    public const string FunctionNameToken = "AZUREWEBJOBS_FUNCTIONNAME";

    private static readonly IServiceProvider RoutingServices = new ServiceCollection().AddLogging().AddRouting().BuildServiceProvider();

    private readonly List<(HttpFunctionRoute Function, Route Route)> routes;

    public HostRouteTable(IEnumerable<HttpFunctionRoute> functions, IInlineConstraintResolver constraints, Func<HttpFunctionRoute, RequestDelegate> handler)
    {
        routes = [.. functions
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Select(f => (f, new Route(
                new RouteHandler(handler(f)),
                f.Name,
                f.Route,
                defaults: null,
                constraints: f.Methods is { } methods ? new Dictionary<string, object> { ["httpMethod"] = new HttpMethodRouteConstraint([.. methods]) } : null,
                dataTokens: new RouteValueDictionary { [FunctionNameToken] = f.Name },
                constraints)))];
        var router = new RouteCollection();
        foreach (var (_, route) in routes)
        {
            router.Add(route);
        }

        Router = router;
    }

    /// <summary>Tries the routes in the host's order and runs the first that matches (UseRouter).</summary>
    public IRouter Router { get; }

    public IReadOnlyList<string> Order => [.. routes.Select(r => r.Function.Name)];

    /// <summary>A table for matching alone, with the routing services the host's constraint resolver uses.</summary>
    public static HostRouteTable ForMatching(IEnumerable<HttpFunctionRoute> functions) =>
        new(functions, RoutingServices.GetRequiredService<IInlineConstraintResolver>(), _ => _ => Task.CompletedTask);

    /// <summary>The function the host would invoke for this request, or null (the host answers 404).</summary>
    public async Task<string?> FirstMatchAsync(string method, string path)
    {
        var context = RouteContextFor(method, path);
        await Router.RouteAsync(context);
        return context.Handler is null ? null : (string?)context.RouteData.DataTokens[FunctionNameToken];
    }

    /// <summary>Every function whose route would take this request, whatever the order they are tried in.</summary>
    public async Task<IReadOnlyList<string>> AllMatchesAsync(string method, string path)
    {
        var matches = new List<string>();
        foreach (var (function, route) in routes)
        {
            var context = RouteContextFor(method, path);
            await route.RouteAsync(context);
            if (context.Handler is not null)
            {
                matches.Add(function.Name);
            }
        }

        return matches;
    }

    private static RouteContext RouteContextFor(string method, string path)
    {
        var http = new DefaultHttpContext { RequestServices = RoutingServices };
        http.Request.Method = method;
        http.Request.Path = path.StartsWith('/') ? path : "/" + path;
        return new RouteContext(http);
    }
}
