namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>A conversation as ElevenLabs reports it: the only progress a SIP-trunk call has.</summary>
/// <param name="Status">initiated, in-progress, processing (the call has ended), done or failed.</param>
/// <param name="CallResult">ElevenLabs' phone call result when it gives one (answered, voicemail, busy, no_answer, failed).</param>
public sealed record ConversationState(string Status, int? CallDurationSeconds, string? CallResult, string? TerminationReason)
{
    public bool HasEnded => Status is "processing" or "done" or "failed";
}
