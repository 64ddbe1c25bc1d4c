namespace BatchFunctions.Domain;

/// <summary>Which recipient, and which of its attempts, a conversation we started belongs to.</summary>
public sealed record ConversationLink(string ConversationId, string BatchId, int RecipientIndex, int Attempt);
