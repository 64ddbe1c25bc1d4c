using BatchFunctions.Domain;
using BatchFunctions.Storage;

namespace BatchFunctions.Api;

/// <summary>
/// Counts a batch's conversation results in one streamed pass over its results rows. Memory is bounded by the
/// number of fields and criteria and by <see cref="TrackedValues"/> per field, never by the batch's size: a free-text
/// field (a different answer per call) stops adding values and counts the rest as <see cref="OtherValues"/>.
/// </summary>
public sealed class BatchResultsReader(ConversationResultStore results)
{
    public const int TrackedValues = 200;
    public const int ValuesShown = 10;
    public const string OtherValues = "(other values)";

    public async Task<BatchResultsResponse> ReadAsync(string batchId, CancellationToken cancellationToken)
    {
        var conversations = 0;
        var overall = new int[3];
        var criteria = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var fields = new Dictionary<string, FieldTally>(StringComparer.Ordinal);
        await foreach (var summary in results.ListAsync(batchId, cancellationToken))
        {
            conversations++;
            overall[(int)summary.CallSuccessful]++;
            foreach (var (criterion, evaluation) in summary.Evaluation)
            {
                (criteria.TryGetValue(criterion, out var counts) ? counts : criteria[criterion] = new int[3])[(int)evaluation.Result]++;
            }

            foreach (var (field, value) in summary.DataCollection)
            {
                (fields.TryGetValue(field, out var tally) ? tally : fields[field] = new FieldTally()).Add(value);
            }
        }

        return new BatchResultsResponse(
            batchId,
            conversations,
            Counts(overall),
            criteria.ToDictionary(c => c.Key, c => Counts(c.Value), StringComparer.Ordinal),
            fields.ToDictionary(f => f.Key, f => (IReadOnlyList<ValueCount>)f.Value.Top(), StringComparer.Ordinal));
    }

    private static OutcomeCounts Counts(int[] counts) =>
        new(counts[(int)CallSuccess.Success], counts[(int)CallSuccess.Failure], counts[(int)CallSuccess.Unknown]);

    private sealed class FieldTally
    {
        private readonly Dictionary<string, int> values = new(StringComparer.Ordinal);
        private int none;
        private int other;

        public void Add(string? value)
        {
            if (value is null)
            {
                none++;
            }
            else if (values.TryGetValue(value, out var count))
            {
                values[value] = count + 1;
            }
            else if (values.Count < TrackedValues)
            {
                values[value] = 1;
            }
            else
            {
                other++;
            }
        }

        public List<ValueCount> Top()
        {
            var ranked = values.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
            var shown = ranked.Take(ValuesShown).Select(v => new ValueCount(v.Key, v.Value)).ToList();
            var rest = other + ranked.Skip(ValuesShown).Sum(v => v.Value);
            if (rest > 0)
            {
                shown.Add(new ValueCount(OtherValues, rest));
            }

            if (none > 0)
            {
                shown.Add(new ValueCount(null, none));
            }

            return shown;
        }
    }
}
