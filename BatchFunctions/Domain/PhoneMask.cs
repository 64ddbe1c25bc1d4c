namespace BatchFunctions.Domain;

/// <summary>Phone numbers are personal data: logs carry only enough digits to tell calls apart.</summary>
public static class PhoneMask
{
    public static string Mask(string? phoneNumber)
    {
        if (string.IsNullOrEmpty(phoneNumber))
        {
            return "";
        }

        return phoneNumber.Length <= 6
            ? new string('*', phoneNumber.Length)
            : string.Concat(phoneNumber.AsSpan(0, 3), new string('*', phoneNumber.Length - 5), phoneNumber.AsSpan(phoneNumber.Length - 2));
    }
}
