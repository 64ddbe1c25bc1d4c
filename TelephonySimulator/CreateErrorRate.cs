namespace TelephonySimulator;

/// <summary>A Twilio error that refuses a share of create requests, drawn per number and attempt from the seed.</summary>
public sealed class CreateErrorRate
{
    /// <summary>The Twilio error code, e.g. 21214 (unreachable), 20429 (too many requests) or 20500 (internal error).</summary>
    public int Code { get; set; }

    /// <summary>The share of create requests refused with <see cref="Code"/>, from 0 to 1.</summary>
    public double Probability { get; set; }

    /// <summary>The HTTP status of the refusal; by default Twilio's for <see cref="Code"/>.</summary>
    public int? HttpStatus { get; set; }
}
