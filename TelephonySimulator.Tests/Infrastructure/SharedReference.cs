namespace TelephonySimulator.Tests.Infrastructure;

/// <summary>
/// Finds files outside the test output: the shared reference folder that sits beside the repository
/// (<c>../shared/reference</c>), and files of the repository itself.
/// </summary>
internal static class SharedReference
{
    public static string ReferenceFile(string name) =>
        FindUpwards(Path.Combine("shared", "reference", name))
        ?? throw new FileNotFoundException($"No shared/reference/{name} beside any parent of {AppContext.BaseDirectory}; the repository expects ../shared next to it.");

    public static string RepositoryFile(string relativePath) =>
        FindUpwards(relativePath) ?? throw new FileNotFoundException($"No {relativePath} in any parent of {AppContext.BaseDirectory}.");

    private static string? FindUpwards(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
