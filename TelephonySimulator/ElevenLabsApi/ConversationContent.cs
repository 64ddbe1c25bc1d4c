using System.Globalization;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// What a conversation said and how it was judged, from the script for its number: the transcript once the call has
/// talked, the analysis once ElevenLabs has processed it (status <c>done</c>), as the real API fills them in.
/// </summary>
internal static class ConversationContent
{
    public static ConversationScript? ScriptFor(SimulatorOptions options, string toNumber) =>
        options.ConversationScripts.Find(script => script.Pattern.EndsWith('*')
            ? toNumber.StartsWith(script.Pattern[..^1], StringComparison.Ordinal)
            : string.Equals(toNumber, script.Pattern, StringComparison.Ordinal));

    /// <summary>Whether a person talked with the agent, so the conversation has a transcript and the number's script applies.</summary>
    public static bool Talked(SimulatedConversation conversation) =>
        conversation.Status is SimulatedConversationStatus.Processing or SimulatedConversationStatus.Done;

    public static IReadOnlyList<TranscriptTurn> Transcript(SimulatedConversation conversation, SimulatorOptions options)
    {
        if (!Talked(conversation))
        {
            return [];
        }

        if (conversation.Outcome == SimulatedOutcome.Human && ScriptFor(options, conversation.ToNumber) is { Transcript.Count: > 0 } script)
        {
            return [.. script.Transcript.Select(t => new TranscriptTurn(t.Role, t.Message, t.TimeInCallSecs))];
        }

        return conversation.Outcome == SimulatedOutcome.Voicemail
            ? [new TranscriptTurn("agent", "Hello, this is a message for you; please call us back.", 1)]
            : [new TranscriptTurn("agent", "Hello, thanks for taking our call.", 1), new TranscriptTurn("user", "Hi.", 3)];
    }

    public static ConversationAnalysis? Analysis(SimulatedConversation conversation, SimulatorOptions options)
    {
        if (conversation.Status != SimulatedConversationStatus.Done)
        {
            return null;
        }

        if (conversation.Outcome == SimulatedOutcome.Human && ScriptFor(options, conversation.ToNumber) is { } script)
        {
            return new ConversationAnalysis(
                script.Evaluation.ToDictionary(c => c.Id, c => new EvaluationCriterionResult(c.Id, c.Result, c.Rationale), StringComparer.Ordinal),
                script.DataCollection.ToDictionary(d => d.Key, d => new DataCollectionResult(d.Key, d.Value, "Scripted by the simulator."), StringComparer.Ordinal),
                script.CallSuccessful,
                script.Summary);
        }

        var summary = conversation.Outcome == SimulatedOutcome.Voicemail
            ? "The call reached voicemail."
            : string.Create(CultureInfo.InvariantCulture, $"The agent talked with the callee for {conversation.CallDurationSeconds} seconds.");
        return new ConversationAnalysis(
            new Dictionary<string, EvaluationCriterionResult>(),
            new Dictionary<string, DataCollectionResult>(),
            "unknown",
            summary);
    }

    public static bool HasAudio(SimulatedConversation conversation, SimulatorOptions options) =>
        conversation.Status == SimulatedConversationStatus.Done
        && conversation.Outcome == SimulatedOutcome.Human
        && ScriptFor(options, conversation.ToNumber) is { HasAudio: true };
}
