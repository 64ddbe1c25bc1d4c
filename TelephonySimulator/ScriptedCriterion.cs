namespace TelephonySimulator;

/// <summary>One evaluation criterion's scripted result.</summary>
public sealed class ScriptedCriterion
{
    /// <summary>The criterion's id, e.g. <c>interested</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary><c>success</c>, <c>failure</c> or <c>unknown</c>.</summary>
    public string Result { get; set; } = "unknown";

    /// <summary>Why the agent judged so.</summary>
    public string Rationale { get; set; } = "";
}
