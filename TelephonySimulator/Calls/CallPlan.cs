namespace TelephonySimulator.Calls;

/// <summary>How one call will play out, decided when it is created; durations in simulated seconds.</summary>
internal sealed record CallPlan(SimulatedOutcome Outcome, double RingSeconds, double TalkSeconds);
