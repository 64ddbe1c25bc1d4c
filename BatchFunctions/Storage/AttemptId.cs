using System.Globalization;

namespace BatchFunctions.Storage;

/// <summary>
/// One attempt to call one recipient of a batch. Everything about dialing is keyed by it: the dial
/// queue entry, the claim that lets exactly one run dial it, the provider's callbacks (it is in their URL).
/// </summary>
public readonly record struct AttemptId(int RecipientIndex, int Attempt)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RecipientIndex:D7}-{Attempt:D3}");
}
