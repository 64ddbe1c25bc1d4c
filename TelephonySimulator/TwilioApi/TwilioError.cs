namespace TelephonySimulator.TwilioApi;

/// <summary>Twilio's REST error body.</summary>
internal sealed record TwilioError(int Code, string Message, string MoreInfo, int Status);
