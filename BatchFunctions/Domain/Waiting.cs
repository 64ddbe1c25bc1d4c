namespace BatchFunctions.Domain;

/// <summary>What a batch or recipient waits for, and until when.</summary>
/// <param name="Until">When dialing may go on (null: until an operator or another batch acts).</param>
/// <param name="TimeZone">With <see cref="WaitingReason.CallingWindow"/>: the zone whose window is closed.</param>
/// <param name="LocalOpening">With <see cref="WaitingReason.CallingWindow"/>: the local time the window opens there, e.g. "08:00".</param>
public sealed record Waiting(WaitingReason Reason, DateTimeOffset? Until, string? TimeZone = null, string? LocalOpening = null);
