namespace TelephonySimulator;

/// <summary>
/// Fixed behaviour for one number or a prefix: the outcome of calls to it, or the error that refuses them, and how
/// their status callbacks are delivered. For each request the first rule matching <c>To</c> and the first rule
/// matching <c>From</c> apply; a <c>From</c> rule only refuses (it needs an <see cref="ErrorCode"/>).
/// </summary>
public sealed class NumberRule
{
    /// <summary>An exact E.164 number, or a prefix ending in <c>*</c> (e.g. <c>+1555019*</c>).</summary>
    public string Pattern { get; set; } = "";

    /// <summary>The outcome of every call whose <c>To</c> matches <see cref="Pattern"/>.</summary>
    public SimulatedOutcome Outcome { get; set; }

    /// <summary>Whether <see cref="Pattern"/> is matched against the dialled number (the default) or the caller id.</summary>
    public NumberRuleTarget Target { get; set; } = NumberRuleTarget.To;

    /// <summary>
    /// When set, every create request that matches is refused with this Twilio error code and no call exists, e.g.
    /// 21211, 21214, 21215, 21216 or 21217 for <c>To</c>; 21210, 21212 or 20003 for <c>From</c>.
    /// </summary>
    public int? ErrorCode { get; set; }

    /// <summary>The HTTP status of the refusal; by default Twilio's for <see cref="ErrorCode"/> (401 for 20003, 429 for 20429, 5xx for 205xx, else 400).</summary>
    public int? HttpStatus { get; set; }

    /// <summary>Every status callback of matching calls is delivered twice, with the same <c>SequenceNumber</c>.</summary>
    public bool DuplicateCallbacks { get; set; }

    /// <summary>Adjacent status callbacks of matching calls are delivered swapped; <c>SequenceNumber</c> keeps the true order.</summary>
    public bool ReorderCallbacks { get; set; }

    /// <summary>The terminal status callback of matching calls is never sent, as when a webhook is lost; the call still ends.</summary>
    public bool LoseTerminalCallback { get; set; }

    /// <summary>
    /// With <c>MachineDetection</c> requested, the <c>AnsweredBy</c> reported for answered calls instead of the detected
    /// one: <c>human</c>, <c>machine_start</c>, <c>machine_end_beep</c>, <c>machine_end_silence</c>,
    /// <c>machine_end_other</c>, <c>fax</c> or <c>unknown</c>.
    /// </summary>
    public string? AnsweredBy { get; set; }
}
