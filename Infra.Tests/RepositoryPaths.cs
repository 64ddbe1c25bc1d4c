using System.Reflection;

namespace Infra.Tests;

/// <summary>Locations the tests need: the repository root and the Bicep compiler from NuGet.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string MainBicep => Path.Combine(Root, "infra", "main.bicep");

    public static string MainParameters => Path.Combine(Root, "infra", "main.parameters.json");

    // Written into the assembly at build time from the package's GeneratePathProperty folder.
    public static string Bicep { get; } =
        typeof(RepositoryPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath")
            .Value ?? throw new InvalidOperationException("The BicepPath assembly metadata is empty.");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "infra", "main.bicep")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains infra/main.bicep.");
    }
}
