using System.Globalization;

namespace BatchFunctions.Tests.Chaos;

/// <summary>One scheduled step of a chaos run; which fields matter depends on <see cref="Kind"/>.</summary>
/// <param name="At">When, after the batches were launched.</param>
/// <param name="Kind">What.</param>
/// <param name="Target">The batch (control actions) or worker (<see cref="ChaosActionKind.KillWorker"/>) it applies to.</param>
/// <param name="Count">How many dial requests a dial fault applies to.</param>
/// <param name="HttpStatus">The status of a <see cref="ChaosActionKind.FailDials"/> refusal.</param>
/// <param name="Delay">How late a <see cref="ChaosActionKind.SlowDials"/> answer comes.</param>
/// <param name="Flag">For <see cref="ChaosActionKind.DropDials"/>: the call is created; for <see cref="ChaosActionKind.Cancel"/>: live calls are hung up.</param>
public sealed record ChaosAction(TimeSpan At, ChaosActionKind Kind, int Target = 0, int Count = 0, int HttpStatus = 0, TimeSpan Delay = default, bool Flag = false)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.TotalSeconds,5:F1}s ") + Kind switch
    {
        ChaosActionKind.FailDials => $"next {Count} dial(s) refused with HTTP {HttpStatus}",
        ChaosActionKind.DropDials => $"next {Count} dial(s) lose their answer, call {(Flag ? "created" : "not created")}",
        ChaosActionKind.SlowDials => string.Create(CultureInfo.InvariantCulture, $"next {Count} dial(s) answered {Delay.TotalSeconds:F1}s late"),
        ChaosActionKind.Cancel => $"cancel batch #{Target}{(Flag ? " hanging up live calls" : "")}",
        ChaosActionKind.KillWorker => $"kill and restart worker #{Target}",
        _ => $"{Kind.ToString().ToLowerInvariant()} batch #{Target}",
    };
}
