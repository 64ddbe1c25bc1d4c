using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;

namespace BatchFunctions.Api;

/// <summary>One recipient as submitted, with its call record if it has been dispatched.</summary>
public sealed record RecipientOutcome(Recipient Recipient, CallState? Call);
