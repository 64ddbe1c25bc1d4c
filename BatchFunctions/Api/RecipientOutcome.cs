using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Api;

/// <summary>
/// One recipient as submitted, with its call record if it has been dispatched, what it waits for if its
/// next attempt is queued, and its conversation's results once they came.
/// </summary>
public sealed record RecipientOutcome(Recipient Recipient, CallState? Call, Waiting? Waiting = null, ConversationSummary? Results = null);
