using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<PhoneProvider>))]
public enum PhoneProvider
{
    [JsonStringEnumMemberName("twilio")] Twilio,
    [JsonStringEnumMemberName("sip_trunk")] SipTrunk,
}
