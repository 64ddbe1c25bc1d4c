namespace BatchFunctions.Api;

/// <summary>
/// The columns of a batch's export beyond the fixed ones, in order of first appearance: each dynamic variable, each
/// override, each data-collection field and each evaluation criterion any recipient has.
/// </summary>
public sealed record ExportColumns(
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> Overrides,
    IReadOnlyList<string> DataFields,
    IReadOnlyList<string> Criteria);
