using BatchFunctions.Domain;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>An attempt that will not be dialed, and the failure the recipient ends with.</summary>
public sealed record UnreachableAttempt(DialTicket Ticket, FailureReason Reason, string Detail);
