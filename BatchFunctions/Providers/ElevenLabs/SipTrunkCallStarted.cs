namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>ElevenLabs' answer to sip-trunk/outbound-call.</summary>
/// <param name="Success">False when ElevenLabs refused to place the call; <paramref name="Message"/> says why.</param>
public sealed record SipTrunkCallStarted(bool Success, string Message, string? ConversationId, string? SipCallId);
