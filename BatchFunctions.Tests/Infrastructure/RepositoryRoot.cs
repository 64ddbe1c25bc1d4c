namespace BatchFunctions.Tests.Infrastructure;

/// <summary>The repository's root directory, found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

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
