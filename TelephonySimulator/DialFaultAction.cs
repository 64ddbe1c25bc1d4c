namespace TelephonySimulator;

/// <summary>What an injected <see cref="DialFault"/> does to a dial request.</summary>
public enum DialFaultAction
{
    /// <summary>Answers with an error (<see cref="DialFault.HttpStatus"/>, <see cref="DialFault.ErrorCode"/>); no call is created.</summary>
    Fail,

    /// <summary>
    /// Closes the connection without an answer. With <see cref="DialFault.CallCreated"/> the call exists and plays
    /// out anyway: the client cannot tell whether it dialled, as after a crash between dialling and recording.
    /// </summary>
    Drop,

    /// <summary>Answers normally, <see cref="DialFault.Delay"/> late; the call is created before the wait.</summary>
    Delay,
}
