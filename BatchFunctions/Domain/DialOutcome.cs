using System.Text.Json.Serialization;

namespace BatchFunctions.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<DialOutcome>))]
public enum DialOutcome
{
    /// <summary>The provider accepted the call; its end arrives by status callback.</summary>
    Placed,

    /// <summary>The provider refused this number; other recipients are unaffected.</summary>
    RecipientRejected,

    /// <summary>The provider refused our account or caller id: every further call would fail the same way.</summary>
    ConfigurationRejected,

    /// <summary>Not dialed now: the recipient's calling window had closed; queued for its next opening.</summary>
    Deferred,

    /// <summary>
    /// Whether a call exists is not known yet: another run of the same attempt holds its claim, or the
    /// provider did not answer the dial. The attempt keeps its slot and is looked up, never dialed again.
    /// </summary>
    Unknown,
}
