using System.Globalization;
using System.Text.Json;
using TelephonySimulator;

namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// The invariant checks of a chaos run, as plain functions of what the simulator logged and what the app's API
/// and entities show afterwards, so each can be tested on hand-made evidence.
/// </summary>
public static class InvariantChecks
{
    private static readonly HashSet<string> UnfinishedStatuses = new(StringComparer.Ordinal) { "pending", "dispatched", "initiated", "in_progress" };

    /// <summary>Invariant 1: each (batch, recipient, attempt) has at most one call in the dial log.</summary>
    public static IEnumerable<InvariantViolation> DialedTwice(int seed, IReadOnlyList<SimulatedCall> calls) =>
        calls.Select(c => (Call: c, Attempt: DialedAttempt.Of(c)))
            .Where(c => c.Attempt is not null)
            .GroupBy(c => c.Attempt!)
            .Where(g => g.Count() > 1)
            .Select(g => new InvariantViolation(seed, InvariantKind.DialedTwice, Text(
                $"batch {g.Key.BatchId} recipient {g.Key.Recipient} attempt {g.Key.Attempt} ({g.First().Call.To}) dialed {g.Count()} times: {string.Join(", ", g.Select(c => c.Call.Sid + " at " + c.Call.CreatedAt.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}")));

    /// <summary>Invariant 5: no number on a batch's do-not-call list was dialed for that batch.</summary>
    public static IEnumerable<InvariantViolation> DialedDoNotCall(
        int seed, IReadOnlyList<SimulatedCall> calls, IReadOnlyDictionary<string, IReadOnlySet<string>> doNotCallByBatch) =>
        calls.Select(c => (Call: c, Attempt: DialedAttempt.Of(c)))
            .Where(c => c.Attempt is not null && doNotCallByBatch.TryGetValue(c.Attempt.BatchId, out var list) && list.Contains(c.Call.To))
            .Select(c => new InvariantViolation(seed, InvariantKind.DialedDoNotCall, Text(
                $"batch {c.Attempt!.BatchId} dialed {c.Call.To} (recipient {c.Attempt.Recipient}, attempt {c.Attempt.Attempt}, {c.Call.Sid}), which is on its do-not-call list")));

    /// <summary>
    /// Invariant 3: a call holds its slot from its creation until it ends (a call still live counts until
    /// <paramref name="now"/>); per batch at most its limit, across batches at most the workspace share.
    /// </summary>
    public static IEnumerable<InvariantViolation> LiveCallLimits(
        int seed, IReadOnlyList<SimulatedCall> calls, IReadOnlyDictionary<string, int> limitByBatch, int workspaceShare, DateTimeOffset now)
    {
        var ours = calls.Select(c => (Call: c, Attempt: DialedAttempt.Of(c))).Where(c => c.Attempt is not null).ToList();
        foreach (var batch in ours.GroupBy(c => c.Attempt!.BatchId))
        {
            if (limitByBatch.TryGetValue(batch.Key, out var limit) && PeakLive(batch.Select(c => c.Call), now) is { Count: var peak, At: var at } && peak > limit)
            {
                yield return new InvariantViolation(seed, InvariantKind.OverBatchLimit, Text(
                    $"batch {batch.Key} had {peak} calls live at {at:HH:mm:ss.fff}, over its limit of {limit}"));
            }
        }

        if (PeakLive(ours.Select(c => c.Call), now) is { Count: var total, At: var when } && total > workspaceShare)
        {
            yield return new InvariantViolation(seed, InvariantKind.OverWorkspaceShare, Text(
                $"{total} calls were live across batches at {when:HH:mm:ss.fff}, over the workspace share of {workspaceShare}"));
        }
    }

    /// <summary>The most calls live at one moment, and the first moment it happened.</summary>
    public static LivePeak PeakLive(IEnumerable<SimulatedCall> calls, DateTimeOffset now)
    {
        // At equal instants an end goes before a start: a slot freed and refilled at once is not an overlap.
        var edges = calls.SelectMany(c => new[] { (At: c.CreatedAt, Step: 1), (At: c.EndedAt ?? now, Step: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Step);
        var live = 0;
        var peak = new LivePeak(0, default);
        foreach (var edge in edges)
        {
            live += edge.Step;
            if (live > peak.Count)
            {
                peak = new LivePeak(live, edge.At);
            }
        }

        return peak;
    }

    /// <summary>Invariant 2: a batch's recipients, as GET /v1/convai/batch-calling/{id} shows them, are all in a final state.</summary>
    public static IEnumerable<InvariantViolation> UnfinishedRecipients(int seed, string batchId, JsonElement batch)
    {
        var unfinished = batch.GetProperty("recipients").EnumerateArray()
            .Select(r => (Number: r.GetProperty("phone_number").GetString(), Status: r.GetProperty("status").GetString() ?? "(none)"))
            .Where(r => UnfinishedStatuses.Contains(r.Status))
            .ToList();
        if (unfinished.Count > 0)
        {
            yield return new InvariantViolation(seed, InvariantKind.RecipientNotFinal, Text(
                $"batch {batchId} ({batch.GetProperty("status").GetString()}) left {unfinished.Count} recipient(s) unfinished: {string.Join(", ", unfinished.Take(8).Select(r => r.Number + " " + r.Status))}{(unfinished.Count > 8 ? ", ..." : "")}"));
        }
    }

    /// <summary>
    /// Invariant 4: the workspace budget's state (as serialized JSON) holds no slot for a batch that has ended or
    /// was deleted. Only <c>Leases.{batch}.Leased</c> is read, so fields added to a lease later do not matter.
    /// </summary>
    /// <param name="stillRunning">Batches that have not ended (reported as such elsewhere): their leases are theirs to hold.</param>
    public static IEnumerable<InvariantViolation> LeakedBudgetSlots(int seed, JsonElement budget, IReadOnlySet<string> stillRunning)
    {
        if (Property(budget, "Leases") is not { ValueKind: JsonValueKind.Object } leases)
        {
            yield break;
        }

        foreach (var lease in leases.EnumerateObject())
        {
            if (!stillRunning.Contains(lease.Name) && Property(lease.Value, "Leased") is { ValueKind: JsonValueKind.Number } leased && leased.GetInt32() != 0)
            {
                yield return new InvariantViolation(seed, InvariantKind.BudgetSlotLeaked, Text(
                    $"batch {lease.Name} still holds {leased.GetInt32()} workspace budget slot(s) after it ended"));
            }
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;
}
