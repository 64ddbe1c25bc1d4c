using System.Net;
using BatchFunctions.Domain;
using BatchFunctions.Providers.Twilio;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>
/// Places calls on numbers that reach ElevenLabs through a SIP trunk: ElevenLabs dials and runs the
/// agent, and the call's progress is the conversation's status (there are no callbacks to wait for).
/// </summary>
public sealed class SipTrunkDialer(ElevenLabsClient elevenLabs)
{
    /// <exception cref="TransientTelephonyException">ElevenLabs was busy, failing or silent; try again later.</exception>
    public async Task<DialResult> PlaceAsync(SipTrunkCallRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var started = await elevenLabs.StartSipTrunkCallAsync(request, cancellationToken);
            return started.Success && started.ConversationId is { } conversationId
                ? new DialResult(DialOutcome.Placed, started.SipCallId, ConversationId: conversationId)
                : new DialResult(DialOutcome.RecipientRejected, null, FailureReason.NumberRejected,
                    $"ElevenLabs did not place the SIP-trunk call: {started.Message}");
        }
        catch (ElevenLabsConfigurationException e)
        {
            return new DialResult(DialOutcome.ConfigurationRejected, null, FailureReason.ConfigurationError, e.Message);
        }
        catch (HttpRequestException e) when (e.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new TransientTelephonyException("ElevenLabs is rate limiting SIP-trunk calls.", e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // ElevenLabs may have started the call before failing to answer: not known, not to be repeated blindly.
            throw new TransientTelephonyException("ElevenLabs did not answer the SIP-trunk call request.", e) { OutcomeUnknown = true };
        }
    }
}
