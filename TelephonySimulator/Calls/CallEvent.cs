namespace TelephonySimulator.Calls;

/// <summary>The call progress events a <c>StatusCallbackEvent</c> can subscribe to.</summary>
internal enum CallEvent
{
    Initiated,
    Ringing,
    Answered,
    Completed,
}
