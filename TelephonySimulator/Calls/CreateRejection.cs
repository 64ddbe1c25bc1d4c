namespace TelephonySimulator.Calls;

/// <summary>A Twilio error that refuses a create request: from a number rule or a drawn <see cref="CreateErrorRate"/>.</summary>
internal sealed record CreateRejection(int HttpStatus, int Code);
