namespace TelephonySimulator;

/// <summary>How a simulated call was placed.</summary>
public enum SimulatedChannel
{
    /// <summary>Created through Twilio's REST API (<c>POST /2010-04-01/Accounts/{AccountSid}/Calls.json</c>).</summary>
    Twilio,

    /// <summary>Placed by ElevenLabs on an imported Twilio number (<c>POST /v1/convai/twilio/outbound-call</c>).</summary>
    ElevenLabsTwilio,

    /// <summary>Placed by ElevenLabs over a SIP trunk (<c>POST /v1/convai/sip-trunk/outbound-call</c>).</summary>
    SipTrunk,
}
