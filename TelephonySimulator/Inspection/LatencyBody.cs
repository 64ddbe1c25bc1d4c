namespace TelephonySimulator.Inspection;

/// <summary>The body of <c>PUT /simulator/faults/latency</c>.</summary>
internal sealed record LatencyBody(int? LatencyMs);
