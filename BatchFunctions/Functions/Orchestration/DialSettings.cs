using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>What every dial of a batch shares, fixed at launch and carried in the orchestration's input.</summary>
/// <param name="Region">Default region for reading numbers (the do-not-call list's).</param>
/// <param name="CallsPerSecond">The provider account's call creation rate, shared by all running batches.</param>
/// <param name="WorkspaceShare">Slots all running batches may hold together (50% of the workspace limit).</param>
/// <param name="LiveCallCheckInterval">How often the provider is asked about a live call whose end has not been reported (a lost callback, a restart).</param>
/// <param name="Telephony">Ring timeout, recording and answering-machine detection for every call.</param>
/// <param name="SipPollInterval">How often SIP-trunk calls' conversations are checked for their end (they send no callbacks).</param>
/// <param name="LeaseDuration">How long the batch's budget slots stay leased without renewal: a batch that dies gives them back after this.</param>
/// <param name="WindowClosingMargin">No dial starts this close to the calling window's end.</param>
public sealed record DialSettings(
    string AgentId,
    string PhoneNumberId,
    string FromNumber,
    PhoneProvider Provider,
    string Region,
    double CallsPerSecond,
    int WorkspaceShare,
    TimeSpan LiveCallCheckInterval,
    TelephonyCallConfig Telephony,
    TimeSpan SipPollInterval,
    TimeSpan LeaseDuration,
    TimeSpan WindowClosingMargin);
