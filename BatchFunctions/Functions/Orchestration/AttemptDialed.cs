using BatchFunctions.Domain;
using BatchFunctions.Storage;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>
/// Output of <see cref="PlaceCall"/>: the outcome, with the attempt it is for. A result is only believed
/// for the attempt it names: one delivered to the wrong task (a duplicate completion from an earlier
/// generation, whose task ids restart at 0) is treated as unknown and looked up.
/// </summary>
public sealed record AttemptDialed(AttemptId Attempt, DialResult Result);
