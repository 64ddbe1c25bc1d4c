using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Api;

/// <summary>One recipient as submitted, with its call record if it has been dispatched, and what it waits for if its next attempt is queued.</summary>
public sealed record RecipientOutcome(Recipient Recipient, CallState? Call, Waiting? Waiting = null);
