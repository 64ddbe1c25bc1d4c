using System.Collections.Concurrent;
using System.Text.Json;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Reuses the JSON value of cells that repeat down a column (plans, flags, time zones, cities), which
/// are most cells of a real list; JsonElements are immutable, so recipients can share them. Bounded,
/// so a column of unique values costs a fixed amount. Shared by the threads that check a list's rows.
/// </summary>
internal sealed class DynamicVariableCache
{
    private const int MaxEntries = 4096;
    private const int MaxTextLength = 64;

    private readonly ConcurrentDictionary<(CellKind Kind, string Text), JsonElement> values = new();

    // ConcurrentDictionary.Count takes every lock of the table (up to 1,024): counted here instead.
    private int count;

    public JsonElement Get(CellValue cell)
    {
        if (cell.Text.Length > MaxTextLength)
        {
            return DynamicVariableValue.From(cell);
        }

        if (values.TryGetValue((cell.Kind, cell.Text), out var value))
        {
            return value;
        }

        value = DynamicVariableValue.From(cell);
        if (Volatile.Read(ref count) < MaxEntries && values.TryAdd((cell.Kind, cell.Text), value))
        {
            Interlocked.Increment(ref count);
        }

        return value;
    }
}
