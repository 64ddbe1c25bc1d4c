using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Functions.Orchestration;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using BatchFunctions.Providers.ElevenLabs;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Batches;

/// <summary>
/// Turns a checked recipient list into a running batch: validates the agent and phone number with
/// ElevenLabs, stores the recipients, records the batch and starts its orchestration. Launching the
/// same batch id twice is harmless (blob triggers and API clients both retry).
/// </summary>
public sealed class BatchLauncher(
    ElevenLabsDirectory elevenLabs,
    RecipientStore recipients,
    BatchIndex index,
    IOptions<DispatchOptions> dispatch,
    IOptions<TwilioOptions> twilio,
    IOptions<BatchDefaultsOptions> defaults,
    DoNotCallList doNotCall,
    TimeProvider clock)
{
    public async Task<BatchDefinition> LaunchAsync(DurableTaskClient durable, string batchId, BatchRequest request, ParsedRecipientList list, CancellationToken cancellationToken)
    {
        var definition = await ValidateAsync(batchId, request, list, cancellationToken);
        if (await durable.GetInstanceAsync(batchId, cancellationToken) is not null)
        {
            return definition;
        }

        var plan = definition.Plan!;
        await recipients.SaveAsync(batchId, RecipientTimeZones.Locate(list.Recipients, plan.DefaultTimeZone), cancellationToken);
        await index.AddAsync(definition, cancellationToken);
        await durable.Entities.SignalEntityAsync(BatchEntity.IdFor(batchId), nameof(BatchEntity.Create), definition, cancellation: cancellationToken);
        var settings = new DialSettings(
            definition.AgentId,
            definition.PhoneNumberId,
            definition.FromNumber,
            definition.Provider,
            request.Region,
            twilio.Value.CallsPerSecond,
            ConcurrencyBudget.WorkspaceShare(dispatch.Value.WorkspaceConcurrencyLimit),
            dispatch.Value.LiveCallCheckInterval,
            definition.TelephonyCallConfig ?? TelephonyCallConfig.Default,
            dispatch.Value.SipPollInterval,
            dispatch.Value.BudgetLeaseDuration,
            dispatch.Value.WindowClosingMargin);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(BatchOrchestrator),
            new BatchRun(batchId, settings, plan, definition.TotalRecipients, definition.Concurrency, definition.ScheduledAt),
            new StartOrchestrationOptions(batchId),
            cancellationToken);
        return definition;
    }

    /// <summary>
    /// Every check a batch must pass (recipients, agent, overrides, phone number, time zone,
    /// do-not-call list) without launching anything: the launch itself and the API's dry run both go
    /// through here.
    /// </summary>
    /// <returns>The batch as it would be launched.</returns>
    public async Task<BatchDefinition> ValidateAsync(string batchId, BatchRequest request, ParsedRecipientList list, CancellationToken cancellationToken)
    {
        if (list.Unusable is { } reason)
        {
            throw new BatchRejectedException(reason) { Setting = BatchSetting.Recipients };
        }

        var agent = await elevenLabs.GetAgentAsync(request.AgentId, cancellationToken)
            ?? throw new BatchRejectedException($"ElevenLabs has no agent '{request.AgentId}'. Use the agent id shown in the ElevenLabs dashboard (Agents > your agent > ID).") { Setting = BatchSetting.AgentId };
        if (agent.DynamicVariables.Contains(RecipientColumns.PhoneNumber))
        {
            // ElevenLabs' own rule: the phone_number column is the number to call, so it cannot also fill the agent's variable.
            throw new BatchRejectedException(
                $"Agent '{agent.Name}' has a dynamic variable named phone_number, but the phone_number column is the number to call and cannot also set "
                + "that variable. Rename the variable in the agent (its prompt and first message, e.g. to {{customer_phone}}), and add a column with the new name if the agent needs the number.")
            { Setting = BatchSetting.AgentId };
        }

        var forbidden = list.OverrideColumns.Where(column => !agent.AllowedOverrides.Contains(column)).ToList();
        if (forbidden.Count > 0)
        {
            throw new BatchRejectedException(
                $"The file has {string.Join(", ", forbidden.Select(c => $"a '{c}' column"))}, but agent '{agent.Name}' does not allow overriding "
                + $"{(forbidden.Count == 1 ? "it" : "them")}. Enable the override in the agent's Security settings "
                + $"(platform_settings.overrides.conversation_config_override: {string.Join(", ", forbidden.Select(OverrideSetting))}), or remove the column.")
            { Setting = BatchSetting.Overrides };
        }

        var phone = await elevenLabs.GetPhoneNumberAsync(request.PhoneNumberId, cancellationToken)
            ?? throw new BatchRejectedException($"ElevenLabs has no phone number '{request.PhoneNumberId}'. Use the phone number id shown in the ElevenLabs dashboard (Phone Numbers).") { Setting = BatchSetting.PhoneNumberId };
        if (!phone.SupportsOutbound)
        {
            throw new BatchRejectedException($"Phone number '{request.PhoneNumberId}' is not enabled for outbound calls in ElevenLabs.") { Setting = BatchSetting.PhoneNumberId };
        }

        CheckVoicemailMessages(request, list, phone);
        if (request.Timezone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            throw new BatchRejectedException($"'{zone}' is not an IANA time zone; use a name such as America/New_York or Europe/London.") { Setting = BatchSetting.Timezone };
        }

        if (request.DoNotCallList is { } doNotCallList && !await doNotCall.ExistsAsync(doNotCallList, cancellationToken))
        {
            throw new BatchRejectedException($"The do-not-call list '{doNotCallList}' does not exist in the app's storage; upload it (container/blob) or leave it out.")
            { Setting = BatchSetting.DoNotCallList };
        }

        var plan = new DialPlan(
            request.Window ?? CallingWindow.Parse(defaults.Value.DefaultCallingWindow, null),
            request.Retries ?? RetryRules.None,
            request.Timezone ?? defaults.Value.DefaultTimeZone,
            request.DoNotCallList);
        return new BatchDefinition(
            batchId,
            request.Name,
            agent.AgentId,
            agent.Name,
            phone.PhoneNumberId,
            phone.PhoneNumber,
            phone.Provider,
            list.Recipients.Count,
            ConcurrencyBudget.ForBatch(request.TargetConcurrencyLimit, dispatch.Value.WorkspaceConcurrencyLimit, agent.ConcurrencyLimit),
            request.TargetConcurrencyLimit,
            clock.GetUtcNow(),
            request.Source,
            request.ScheduledAt,
            request.Timezone,
            request.VoicemailMessage is null ? request.TelephonyCallConfig : VoicemailMessages.DetectingMessageEnd(request.TelephonyCallConfig ?? TelephonyCallConfig.Default),
            plan,
            request.VoicemailMessage);
    }

    /// <summary>
    /// A voicemail message is said when Twilio's detection reports the end of a machine's greeting, which only
    /// detect_message_end does, and only on calls this app places through Twilio.
    /// </summary>
    private static void CheckVoicemailMessages(BatchRequest request, ParsedRecipientList list, PhoneNumberProfile phone)
    {
        if (request.VoicemailMessage is null && list.VoicemailMessages == 0)
        {
            return;
        }

        var who = request.VoicemailMessage is not null
            ? "The batch sets voicemail_message"
            : $"{list.VoicemailMessages} recipient{(list.VoicemailMessages == 1 ? " has" : "s have")} a voicemail_message";
        if (phone.Provider == PhoneProvider.SipTrunk)
        {
            throw new BatchRejectedException(
                $"{who}, but phone number '{phone.PhoneNumberId}' is a SIP trunk, which ElevenLabs dials itself with no answering-machine detection "
                + "this app can act on. Use a Twilio number, or leave the voicemail message out.")
            { Setting = BatchSetting.VoicemailMessage };
        }

        if (request.TelephonyCallConfig?.TwilioMachineDetection?.Mode == MachineDetectionMode.Enable)
        {
            throw new BatchRejectedException(
                $"{who}, but machine detection is 'enable', which reports a machine as its greeting starts, so a message would be talked over. "
                + "Set machine_detection to detect_message_end, or leave it out (a voicemail message turns detect_message_end on).")
            { Setting = BatchSetting.VoicemailMessage };
        }
    }

    private static string OverrideSetting(string column) => column switch
    {
        RecipientColumns.FirstMessage => "agent.first_message",
        RecipientColumns.Language => "agent.language",
        RecipientColumns.SystemPrompt => "agent.prompt.prompt",
        _ => "tts.voice_id",
    };
}
