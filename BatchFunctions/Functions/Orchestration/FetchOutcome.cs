namespace BatchFunctions.Functions.Orchestration;

/// <summary>What one check of a conversation's results found.</summary>
public enum FetchOutcome
{
    /// <summary>The webhook (or an earlier check) had brought them: nothing fetched.</summary>
    AlreadyStored,

    /// <summary>Fetched from ElevenLabs and stored.</summary>
    Stored,

    /// <summary>ElevenLabs is still in the call or analysing it; check again later.</summary>
    NotReady,

    /// <summary>ElevenLabs does not know the conversation.</summary>
    Unknown,

    /// <summary>Still not ready after every check, or ElevenLabs kept failing: the recipient keeps no results.</summary>
    GaveUp,
}
