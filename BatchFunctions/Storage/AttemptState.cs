namespace BatchFunctions.Storage;

/// <summary>Where an attempt stands in the attempt store; it only moves forward, except a released claim.</summary>
public enum AttemptState
{
    /// <summary>Waiting in the dial queue until its due time.</summary>
    Queued,

    /// <summary>One run of PlaceCall owns it and may dial; no other run may.</summary>
    Claimed,

    /// <summary>
    /// The provider said it created no call, or a look-up settled that no run dialed it: the attempt may
    /// be claimed again, by a try at or above its fence.
    /// </summary>
    Released,

    /// <summary>The dial's outcome is recorded.</summary>
    Done,
}
