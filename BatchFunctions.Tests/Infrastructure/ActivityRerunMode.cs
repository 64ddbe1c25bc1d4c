namespace BatchFunctions.Tests.Infrastructure;

/// <summary>How an activity the engine delivered once is run a second time, as at-least-once delivery allows.</summary>
public enum ActivityRerunMode
{
    /// <summary>The second run starts after the first ended, as when a worker died before recording the first result.</summary>
    Sequential,

    /// <summary>Both runs overlap, as when a work item's lease lapsed and a second dispatcher took it up.</summary>
    Concurrent,
}
