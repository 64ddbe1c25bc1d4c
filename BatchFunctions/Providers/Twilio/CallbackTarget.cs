namespace BatchFunctions.Providers.Twilio;

/// <summary>The call attempt a Twilio webhook request is about, read from the URL we gave Twilio.</summary>
public sealed record CallbackTarget(string BatchId, int RecipientIndex, int Attempt);
