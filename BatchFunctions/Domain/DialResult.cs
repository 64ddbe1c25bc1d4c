namespace BatchFunctions.Domain;

/// <param name="FailureDetail">Provider code and readable reason, for the operator; never contains secrets.</param>
public sealed record DialResult(DialOutcome Outcome, string? CallSid = null, FailureReason? FailureReason = null, string? FailureDetail = null);
