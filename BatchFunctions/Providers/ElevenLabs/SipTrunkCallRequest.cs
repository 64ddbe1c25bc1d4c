using System.Text.Json.Serialization;
using BatchFunctions.Domain;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>Body of ElevenLabs' sip-trunk/outbound-call: ElevenLabs dials through the operator's SIP trunk and runs the agent.</summary>
public sealed record SipTrunkCallRequest(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("agent_phone_number_id")] string AgentPhoneNumberId,
    [property: JsonPropertyName("to_number")] string ToNumber,
    [property: JsonPropertyName("conversation_initiation_client_data")] ConversationInitiationClientData ClientData,
    [property: JsonPropertyName("telephony_call_config")] SipTelephonyCallConfig? TelephonyCallConfig);
