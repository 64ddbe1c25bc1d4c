namespace TelephonySimulator.Logging;

/// <summary>Masks phone numbers for logs: enough to tell calls apart, not enough to identify anyone.</summary>
internal static class PhoneMask
{
    public static string Mask(string number) =>
        number.Length <= 6 ? new string('*', number.Length) : number[..4] + new string('*', number.Length - 6) + number[^2..];
}
