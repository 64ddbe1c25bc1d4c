using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <summary>The durable note that an attempt is about to dial, written before the provider is asked.</summary>
/// <param name="WasAlreadyRecorded">An earlier run of the same attempt wrote it: that run may have dialed.</param>
/// <param name="Result">What the earlier run learned, if it got that far.</param>
public sealed record DialIntent(DateTimeOffset CreatedAt, bool WasAlreadyRecorded, DialResult? Result);
