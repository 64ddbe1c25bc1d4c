using BatchFunctions.Domain;

namespace RecipientListValidator;

/// <summary>An accepted row as the agent would receive it.</summary>
public sealed record ValidatedRecipient(int RowNumber, string PhoneNumber, ConversationInitiationClientData ConversationInitiationClientData);
