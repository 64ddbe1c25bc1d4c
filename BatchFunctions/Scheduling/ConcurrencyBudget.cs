namespace BatchFunctions.Scheduling;

/// <summary>ElevenLabs' concurrency rule for batches, which keeps capacity free for inbound calls and the widget.</summary>
public static class ConcurrencyBudget
{
    /// <summary>What all batches together may use: half the workspace's concurrency limit, at least one call.</summary>
    public static int WorkspaceShare(int workspaceLimit) => Math.Max(1, workspaceLimit / 2);

    /// <summary>
    /// A batch's limit: its explicit target if it has one, else the smaller of half the workspace limit and
    /// 70% of the agent's limit (an agent without a limit does not constrain), at least one call.
    /// </summary>
    public static int ForBatch(int? target, int workspaceLimit, int? agentLimit)
    {
        if (target is { } explicitLimit)
        {
            return Math.Max(1, explicitLimit);
        }

        var agentShare = agentLimit is { } limit ? (int)Math.Floor(limit * 0.7) : int.MaxValue;
        return Math.Max(1, Math.Min(WorkspaceShare(workspaceLimit), agentShare));
    }
}
