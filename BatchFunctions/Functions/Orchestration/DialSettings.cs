using BatchFunctions.Domain;

namespace BatchFunctions.Functions.Orchestration;

/// <summary>What every dial of a batch shares, fixed at launch and carried in the orchestration's input.</summary>
/// <param name="Region">Default region for reading numbers (the do-not-call list's).</param>
/// <param name="CallsPerSecond">The provider account's call creation rate, shared by all running batches.</param>
/// <param name="WorkspaceShare">Slots all running batches may hold together (50% of the workspace limit).</param>
/// <param name="WatchdogAfter">How long a call may go without a final callback before the provider is asked about it.</param>
/// <param name="Telephony">Ring timeout, recording and answering-machine detection for every call.</param>
/// <param name="SipPollInterval">How often SIP-trunk calls' conversations are checked for their end (they send no callbacks).</param>
public sealed record DialSettings(
    string AgentId,
    string PhoneNumberId,
    string FromNumber,
    PhoneProvider Provider,
    string Region,
    double CallsPerSecond,
    int WorkspaceShare,
    TimeSpan WatchdogAfter,
    TelephonyCallConfig Telephony,
    TimeSpan SipPollInterval);
