namespace TelephonySimulator;

/// <summary>
/// What ElevenLabs reports about conversations with one number or a prefix once they are analysed: the transcript, the
/// summary, the evaluation and the collected data, and how the post-call webhook for them is delivered. The first
/// script whose <see cref="Pattern"/> matches the called number applies; calls a person answered get it.
/// </summary>
public sealed class ConversationScript
{
    /// <summary>An exact E.164 number, or a prefix ending in <c>*</c> (e.g. <c>+1555019*</c>).</summary>
    public string Pattern { get; set; } = "";

    /// <summary>The turns of the conversation, in order.</summary>
    public List<ScriptedTurn> Transcript { get; set; } = [];

    /// <summary>The agent's <c>transcript_summary</c>.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The overall <c>call_successful</c>: <c>success</c>, <c>failure</c> or <c>unknown</c>.</summary>
    public string CallSuccessful { get; set; } = "unknown";

    /// <summary>Each evaluation criterion's result and rationale.</summary>
    public List<ScriptedCriterion> Evaluation { get; set; } = [];

    /// <summary>The value collected for each data-collection field, by field id.</summary>
    public Dictionary<string, string> DataCollection { get; set; } = [];

    /// <summary>Whether the agent kept the audio (served by <c>GET /v1/convai/conversations/{id}/audio</c>).</summary>
    public bool HasAudio { get; set; }

    /// <summary>How the post-call webhook of these conversations is delivered.</summary>
    public PostCallWebhookFault Webhook { get; set; } = PostCallWebhookFault.None;

    /// <summary>With <see cref="PostCallWebhookFault.Late"/>, how long after the analysis the webhook goes out, in simulated seconds.</summary>
    public double WebhookDelaySeconds { get; set; } = 600;
}
