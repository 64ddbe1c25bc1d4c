using BatchFunctions.Domain;

namespace BatchFunctions.Providers.Twilio;

/// <summary>One attempt to call one recipient of a batch.</summary>
public sealed record CallRequest(string BatchId, int RecipientIndex, int Attempt, string To, string From, TelephonyCallConfig Telephony);
