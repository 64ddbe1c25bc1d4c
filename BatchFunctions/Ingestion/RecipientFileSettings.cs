namespace BatchFunctions.Ingestion;

/// <summary>How to read one recipient file: the batch's choices, not the app's limits.</summary>
/// <param name="Region">Two-letter region for numbers written without a country code.</param>
/// <param name="Sheet">The worksheet to read; null for the first visible one.</param>
/// <param name="PhoneColumn">The header of the column holding the numbers to call; null for phone_number.</param>
public sealed record RecipientFileSettings(string Region, string? Sheet = null, string? PhoneColumn = null);
