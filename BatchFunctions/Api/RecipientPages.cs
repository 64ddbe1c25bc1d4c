using BatchFunctions.Domain;
using Microsoft.DurableTask.Client;

namespace BatchFunctions.Api;

/// <summary>
/// Pages of a batch's recipients for a table that must stay fast at any size. Unfiltered, a page reads
/// only the blocks it spans (one recipients query and one entity query per 1000 indexes). Filtered by
/// status, the status lives in each call's entity, so the whole batch is read block by block (memory
/// bounded by the blocks in flight) and only the matches on the page are kept.
/// </summary>
public sealed class RecipientPages(BatchReader batches)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Wire names a filter accepts: each recipient status, and "live" for dispatched, initiated and in_progress.</summary>
    public static readonly IReadOnlyList<string> FilterNames =
        ["pending", "live", "dispatched", "initiated", "in_progress", "completed", "failed", "cancelled", "voicemail"];

    /// <returns>The statuses named by a comma-separated filter, or null with an issue when a name is unknown.</returns>
    public static HashSet<RecipientStatus>? ParseFilter(string text, List<ValidationIssue> issues)
    {
        var statuses = new HashSet<RecipientStatus>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            switch (name.ToLowerInvariant())
            {
                case "pending": statuses.Add(RecipientStatus.Pending); break;
                case "live": statuses.UnionWith([RecipientStatus.Dispatched, RecipientStatus.Initiated, RecipientStatus.InProgress]); break;
                case "dispatched": statuses.Add(RecipientStatus.Dispatched); break;
                case "initiated": statuses.Add(RecipientStatus.Initiated); break;
                case "in_progress": statuses.Add(RecipientStatus.InProgress); break;
                case "completed": statuses.Add(RecipientStatus.Completed); break;
                case "failed": statuses.Add(RecipientStatus.Failed); break;
                case "cancelled": statuses.Add(RecipientStatus.Cancelled); break;
                case "voicemail": statuses.Add(RecipientStatus.Voicemail); break;
                default:
                    issues.Add(new ValidationIssue("enum", ["query", "status"], $"Input should be {string.Join(", ", FilterNames.Select(n => $"'{n}'"))}, or several of them separated by commas", name));
                    return null;
            }
        }

        return statuses;
    }

    public async Task<RecipientPageResponse> ReadAsync(
        DurableTaskClient durable, BatchSnapshot batch, IReadOnlyList<string> filterNames, IReadOnlySet<RecipientStatus> filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var definition = batch.Definition;
        var total = definition.TotalRecipients;
        BatchRecipientResponse Project(RecipientOutcome r) => BatchResponses.Recipient(r, definition.CreatedAt, batch.State);

        if (filter.Count == 0)
        {
            var page = await batches.RecipientRangeAsync(durable, definition.BatchId, offset, Math.Min(total, offset + limit), cancellationToken)
                .Select(Project).ToListAsync(cancellationToken);
            return new RecipientPageResponse(definition.BatchId, filterNames, offset, limit, total, page);
        }

        var matches = 0;
        var kept = new List<BatchRecipientResponse>();
        await foreach (var outcome in batches.RecipientRangeAsync(durable, definition.BatchId, 0, total, cancellationToken))
        {
            var recipient = Project(outcome);
            if (!filter.Contains(recipient.Status))
            {
                continue;
            }

            if (matches >= offset && kept.Count < limit)
            {
                kept.Add(recipient);
            }

            matches++;
        }

        return new RecipientPageResponse(definition.BatchId, filterNames, offset, limit, matches, kept);
    }
}
