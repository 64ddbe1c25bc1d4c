using System.Collections.Frozen;
using System.Security.Cryptography;

namespace BatchFunctions.Dashboard;

/// <summary>
/// The operator dashboard's static files (wwwroot/), embedded in the app's assembly. Embedded rather than
/// copied beside it: the files ship and version with the code that serves them, and no path has to be
/// found at run time (the Functions host, func start and the tests each start the worker from a
/// different directory). Read once; each file carries a hash-based ETag so a browser revalidates cheaply.
/// </summary>
public sealed class DashboardAssets
{
    /// <summary>The resource name prefix the project file gives the embedded files.</summary>
    public const string ResourcePrefix = "Dashboard/";

    public const string IndexFile = "index.html";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardAsset> files;

    public DashboardAssets()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var found = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..].Replace('\\', '/');
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            found[name] = new DashboardAsset(name, content, contentType, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        }

        files = found.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public DashboardAsset? Find(string name) => files.GetValueOrDefault(name);
}
