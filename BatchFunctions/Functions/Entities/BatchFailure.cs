using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>Why a whole batch stopped, in words the operator can act on.</summary>
public sealed record BatchFailure(FailureReason Reason, string Message, DateTimeOffset At);
