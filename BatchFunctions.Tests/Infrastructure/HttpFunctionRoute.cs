namespace BatchFunctions.Tests.Infrastructure;

/// <summary>An HTTP function as the host sees it: its name, route template and methods (null: any method).</summary>
public sealed record HttpFunctionRoute(string Name, string Route, IReadOnlyList<string>? Methods);
