using BatchFunctions.Domain;

namespace BatchFunctions.Scheduling;

/// <summary>
/// When a recipient may be dialed, as <see cref="CallingTimes"/> decides it: now, at a later instant,
/// or not within <see cref="CallingTimes.Horizon"/> (the recipient then ends failed, outside_calling_window).
/// </summary>
public abstract record CallingTime
{
    private CallingTime()
    {
    }

    /// <summary>The window is open in every zone of the recipient, and stays open for the closing margin: dial.</summary>
    public sealed record Open : CallingTime
    {
        internal static readonly Open Instance = new();
    }

    /// <summary>The window next opens in every zone at <paramref name="At"/>; the last zone to open is <paramref name="Zone"/>, at local <paramref name="LocalOpening"/>.</summary>
    public sealed record OpensAt(DateTimeOffset At, string Zone, TimeOnly LocalOpening) : CallingTime
    {
        /// <summary>For a recipient's status, e.g. "Waiting for 08:00 in America/Los_Angeles."</summary>
        public string Message => $"Waiting for {LocalOpening:HH\\:mm} in {Zone}.";

        /// <summary>What the recipient waits for, as the API and dashboard show it.</summary>
        public Waiting Waiting => new(WaitingReason.CallingWindow, At, Zone, LocalOpening.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>No time in the horizon is open in every zone; <paramref name="Message"/> names the zones and what to change.</summary>
    /// <remarks>The recipient ends failed with <see cref="Reason"/> and <paramref name="Message"/> as its detail.</remarks>
    public sealed record Never(IReadOnlyList<string> Zones, string Message) : CallingTime
    {
        public const FailureReason Reason = FailureReason.OutsideCallingWindow;
    }
}
