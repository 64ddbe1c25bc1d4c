using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>The input of <see cref="ConversationFallbackOrchestrator"/>: whose conversation, how long to wait between checks, how many checks.</summary>
public sealed record ConversationWatch(ConversationLink Link, TimeSpan Delay, int Checks);
