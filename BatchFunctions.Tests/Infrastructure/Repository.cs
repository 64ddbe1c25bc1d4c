using System.Reflection;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>Paths in the source tree, for tests that run repository files (Node scripts, package.json).</summary>
public static class Repository
{
    public static string Root { get; } = Path.GetFullPath(
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!);

    public static string PathOf(string relative) => Path.Combine(Root, relative);
}
