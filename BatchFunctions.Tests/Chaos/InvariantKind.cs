namespace BatchFunctions.Tests.Chaos;

/// <summary>The invariants of ARCHITECTURE.md a chaos run checks, one name per way to break them.</summary>
public enum InvariantKind
{
    /// <summary>Invariant 1: one (batch, recipient, attempt) has more than one call in the dial log.</summary>
    DialedTwice,

    /// <summary>Invariant 2: a batch had not ended (completed, cancelled, failed) within the bound.</summary>
    BatchNotTerminal,

    /// <summary>Invariant 2: a recipient of a batch was left pending, dispatched, initiated or in progress.</summary>
    RecipientNotFinal,

    /// <summary>Invariant 3: more calls of one batch were live at once than its limit.</summary>
    OverBatchLimit,

    /// <summary>Invariant 3: more calls of all batches were live at once than the workspace share.</summary>
    OverWorkspaceShare,

    /// <summary>Invariant 4: a finished batch still holds workspace budget slots.</summary>
    BudgetSlotLeaked,

    /// <summary>Invariant 5: a number on the batch's do-not-call list was dialed.</summary>
    DialedDoNotCall,
}
