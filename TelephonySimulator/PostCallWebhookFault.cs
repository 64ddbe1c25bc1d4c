namespace TelephonySimulator;

/// <summary>How a conversation's post-call webhook is delivered.</summary>
public enum PostCallWebhookFault
{
    /// <summary>Once, as soon as the analysis is done.</summary>
    None,

    /// <summary>Once, <see cref="ConversationScript.WebhookDelaySeconds"/> after the analysis.</summary>
    Late,

    /// <summary>Never.</summary>
    Lost,

    /// <summary>Twice; the second delivery is signed afresh, as a retried delivery would be.</summary>
    Duplicated,
}
