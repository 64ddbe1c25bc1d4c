namespace TelephonySimulator.Inspection;

/// <summary>The body of <c>GET /simulator/faults</c>.</summary>
internal sealed record FaultsView(int LatencyMs, IReadOnlyList<DialFaultBody> Pending);
