using System.Text.Json;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Reuses the JSON value of cells that repeat down a column (plans, flags, time zones, cities), which
/// are most cells of a real list; JsonElements are immutable, so recipients can share them. Bounded,
/// so a column of unique values costs a fixed amount.
/// </summary>
internal sealed class DynamicVariableCache
{
    private const int MaxEntries = 4096;
    private const int MaxTextLength = 64;

    private readonly Dictionary<(CellKind Kind, string Text), JsonElement> values = [];

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
        if (values.Count < MaxEntries)
        {
            values[(cell.Kind, cell.Text)] = value;
        }

        return value;
    }
}
