using System.Text.Json.Serialization;
using BatchFunctions.Domain;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>Body of ElevenLabs' register-call: it answers with the TwiML that connects the call to the agent.</summary>
public sealed record RegisterCallRequest(
    [property: JsonPropertyName("agent_id")] string AgentId,
    [property: JsonPropertyName("from_number")] string FromNumber,
    [property: JsonPropertyName("to_number")] string ToNumber,
    [property: JsonPropertyName("conversation_initiation_client_data")] ConversationInitiationClientData ClientData,
    [property: JsonPropertyName("direction")] string Direction = "outbound");
