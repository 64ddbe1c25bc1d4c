using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using BatchFunctions.Ingestion;

namespace BatchFunctions.Storage;

/// <summary>
/// Numbers that must never be called, kept by the operator as a blob with one number per line (any
/// common writing; a CSV export's first column works too). Read again when the blob changes, so an
/// addition takes effect for the very next dial.
/// </summary>
public sealed class DoNotCallList(BlobServiceClient blobs, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Snapshot> cache = new(StringComparer.Ordinal);

    /// <param name="location">"container/blob name" in the app's storage account.</param>
    public async Task<bool> ContainsAsync(string location, string e164, string defaultRegion, CancellationToken cancellationToken)
    {
        var numbers = await NumbersAsync(location, defaultRegion, cancellationToken);
        return numbers.Contains(e164);
    }

    public async Task<bool> ExistsAsync(string location, CancellationToken cancellationToken) =>
        TrySplit(location) is { } parts && (await blobs.GetBlobContainerClient(parts.Container).GetBlobClient(parts.Blob).ExistsAsync(cancellationToken)).Value;

    private static (string Container, string Blob)? TrySplit(string location)
    {
        var separator = location.IndexOf('/', StringComparison.Ordinal);
        return separator > 0 && separator < location.Length - 1 ? (location[..separator], location[(separator + 1)..]) : null;
    }

    private async Task<IReadOnlySet<string>> NumbersAsync(string location, string defaultRegion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (cache.TryGetValue(location, out var snapshot) && now - snapshot.CheckedAt < Freshness)
        {
            return snapshot.Numbers;
        }

        var (container, name) = TrySplit(location) ?? throw new InvalidOperationException($"The do-not-call list '{location}' must be given as container/blob.");
        var blob = blobs.GetBlobContainerClient(container).GetBlobClient(name);
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (snapshot is not null && snapshot.Version == properties.Value.ETag)
            {
                cache[location] = snapshot with { CheckedAt = now };
                return snapshot.Numbers;
            }

            var content = await blob.DownloadContentAsync(cancellationToken);
            var numbers = Parse(content.Value.Content.ToString(), defaultRegion);
            cache[location] = new Snapshot(numbers, content.Value.Details.ETag, now);
            return numbers;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Dialing past a list the operator named but that is missing would defeat its purpose.
            throw new InvalidOperationException($"The do-not-call list '{location}' does not exist.", e);
        }
    }

    private static HashSet<string> Parse(string text, string defaultRegion)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var first = line.Split([',', ';', '\t'], 2)[0].Trim().Trim('"');
            if (first.Length > 0 && PhoneNumberNormalizer.Normalize(first, defaultRegion, out _) is { } e164)
            {
                numbers.Add(e164);
            }
        }

        return numbers;
    }

    private sealed record Snapshot(IReadOnlySet<string> Numbers, ETag Version, DateTimeOffset CheckedAt);
}
