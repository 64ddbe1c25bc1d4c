namespace BatchFunctions.Ingestion;

/// <summary>What a cell holds, as far as its file format can say.</summary>
public enum CellKind
{
    Empty,

    /// <summary>Text from a format without types (CSV): whether "42" is a number is for the reader to decide.</summary>
    Untyped,

    /// <summary>Text the spreadsheet itself calls text, such as a cell formatted as Text.</summary>
    Text,
    Number,
    Boolean,
    Date,
}
