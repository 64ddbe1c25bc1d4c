namespace BatchFunctions.Storage;

/// <summary>The answer to a claim: either this run owns the attempt and may dial, or another run had it first.</summary>
/// <param name="Earlier">What is known of the other run's attempt when the claim was lost.</param>
public sealed record AttemptClaim(bool Won, AttemptRecord? Earlier)
{
    public static readonly AttemptClaim Granted = new(true, null);
}
