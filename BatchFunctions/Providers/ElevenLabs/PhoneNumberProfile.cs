using BatchFunctions.Domain;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>A phone number imported into ElevenLabs, the caller id of a batch.</summary>
public sealed record PhoneNumberProfile(string PhoneNumberId, string PhoneNumber, PhoneProvider Provider, string Label, bool SupportsOutbound);
