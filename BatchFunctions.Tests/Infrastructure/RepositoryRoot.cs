namespace BatchFunctions.Tests.Infrastructure;

/// <summary>The checkout the tests run from, found by walking up from the test assembly to the solution file.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "BatchCalling.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No BatchCalling.slnx above {AppContext.BaseDirectory}.");
    }
}
