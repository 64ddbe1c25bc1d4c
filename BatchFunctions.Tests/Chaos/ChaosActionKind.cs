namespace BatchFunctions.Tests.Chaos;

/// <summary>Something the chaos run does at a scheduled moment.</summary>
public enum ChaosActionKind
{
    /// <summary>The next dial requests are refused with an HTTP error.</summary>
    FailDials,

    /// <summary>The next dial requests lose their answer (the connection closes), with or without the call created.</summary>
    DropDials,

    /// <summary>The next dial requests are answered late.</summary>
    SlowDials,

    Pause,
    Resume,
    Cancel,
    Delete,

    /// <summary>A Durable worker is killed and a fresh one started.</summary>
    KillWorker,
}
