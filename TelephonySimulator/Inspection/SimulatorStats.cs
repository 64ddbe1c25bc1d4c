namespace TelephonySimulator.Inspection;

/// <summary>The body of <c>GET /simulator/stats</c>.</summary>
internal sealed record SimulatorStats(int LiveCalls, int PeakLiveCalls, int CallsCreated);
