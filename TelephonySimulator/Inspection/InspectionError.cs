namespace TelephonySimulator.Inspection;

/// <summary>The body of a refused <c>/simulator</c> request.</summary>
internal sealed record InspectionError(string Error);
