using System.Text.Json.Serialization;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>The part of ElevenLabs' telephony_call_config that applies to SIP-trunk calls.</summary>
public sealed record SipTelephonyCallConfig([property: JsonPropertyName("ringing_timeout_secs")] int? RingingTimeoutSecs);
