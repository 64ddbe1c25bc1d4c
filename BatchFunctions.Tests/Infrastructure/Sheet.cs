namespace BatchFunctions.Tests.Infrastructure;

/// <summary>One worksheet for <see cref="Workbooks.WriteAsync"/>.</summary>
public sealed record Sheet(string Name, object?[][] Rows, bool Hidden = false);
