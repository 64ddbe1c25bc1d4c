namespace BatchFunctions.Tests.Chaos;

/// <summary>Every fault the chaos suite injects, counted per run.</summary>
public enum ChaosFaultKind
{
    /// <summary>An app storage call answered HTTP 500, as after the storage SDK's own retries gave up.</summary>
    StorageError500,

    /// <summary>An app storage call answered HTTP 503 (server busy).</summary>
    StorageError503,

    /// <summary>An app storage call timed out before it reached storage.</summary>
    StorageTimeoutBeforeSend,

    /// <summary>An app storage call reached storage and took effect, but the caller saw a timeout.</summary>
    StorageTimeoutAfterSend,

    /// <summary>An activity ran twice, one run after the other.</summary>
    ActivityRunTwiceSequential,

    /// <summary>An activity ran twice at the same time.</summary>
    ActivityRunTwiceConcurrent,

    /// <summary>Twilio refused a create-call request with 429 (too many requests).</summary>
    DialRefused429,

    /// <summary>Twilio refused a create-call request with a 5xx.</summary>
    DialRefused5xx,

    /// <summary>A create-call request's connection closed without an answer after the call was created.</summary>
    DialResponseLostCallCreated,

    /// <summary>A create-call request's connection closed without an answer and no call was created.</summary>
    DialResponseLostNoCall,

    /// <summary>A create-call request was answered seconds late.</summary>
    DialSlow,

    /// <summary>A status callback was delivered twice.</summary>
    CallbackDuplicated,

    /// <summary>A status callback was delivered after the one that followed it.</summary>
    CallbackReordered,

    /// <summary>A call's terminal status callback was never sent.</summary>
    CallbackLost,

    /// <summary>A batch was cancelled through the API at a random moment.</summary>
    Cancel,

    /// <summary>A batch was paused through the API at a random moment (and resumed later).</summary>
    Pause,

    /// <summary>A paused batch was resumed through the API.</summary>
    Resume,

    /// <summary>A batch was deleted through the API at a random moment.</summary>
    Delete,

    /// <summary>A Durable worker was killed mid-flight and a fresh one started on the same task hub.</summary>
    WorkerKilled,

    /// <summary>An extra Durable worker shared the task hub for the whole run.</summary>
    ExtraWorker,
}
