using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Entities;

/// <summary>A recipient moved from one status to another; the batch keeps counts from these.</summary>
public sealed record StatusTransition(RecipientStatus From, RecipientStatus To, DateTimeOffset At);
