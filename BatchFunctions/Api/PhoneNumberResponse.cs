using BatchFunctions.Domain;
using BatchFunctions.Providers.ElevenLabs;

namespace BatchFunctions.Api;

/// <summary>A phone number imported into ElevenLabs: the caller id a batch dials from.</summary>
public sealed record PhoneNumberResponse(string PhoneNumberId, string PhoneNumber, PhoneProvider Provider, string Label, bool SupportsOutbound)
{
    public static PhoneNumberResponse From(PhoneNumberProfile number) =>
        new(number.PhoneNumberId, number.PhoneNumber, number.Provider, number.Label, number.SupportsOutbound);
}
