using BatchFunctions.Domain;
using BatchFunctions.Functions.Entities;
using BatchFunctions.Functions.Orchestration;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using BatchFunctions.Providers.ElevenLabs;
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
    ElevenLabsClient elevenLabs,
    RecipientStore recipients,
    BatchIndex index,
    IOptions<DispatchOptions> dispatch,
    TimeProvider clock)
{
    public async Task<BatchDefinition> LaunchAsync(DurableTaskClient durable, string batchId, BatchRequest request, ParsedRecipientList list, CancellationToken cancellationToken)
    {
        var definition = await ValidateAsync(batchId, request, list, cancellationToken);
        if (await durable.GetInstanceAsync(batchId, cancellationToken) is not null)
        {
            return definition;
        }

        await recipients.SaveAsync(batchId, list.Recipients, cancellationToken);
        await index.AddAsync(definition, cancellationToken);
        await durable.Entities.SignalEntityAsync(BatchEntity.IdFor(batchId), nameof(BatchEntity.Create), definition, cancellation: cancellationToken);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(BatchOrchestrator),
            new BatchRun(batchId, definition.FromNumber, definition.TotalRecipients, definition.Concurrency, NextIndex: 0, Live: [], ScheduledAt: definition.ScheduledAt),
            new StartOrchestrationOptions(batchId),
            cancellationToken);
        return definition;
    }

    /// <summary>
    /// Every check a batch must pass (recipients, agent, overrides, phone number) without launching
    /// anything: the launch itself and the API's dry run both go through here.
    /// </summary>
    /// <returns>The batch as it would be launched.</returns>
    public async Task<BatchDefinition> ValidateAsync(string batchId, BatchRequest request, ParsedRecipientList list, CancellationToken cancellationToken)
    {
        if (list.Recipients.Count == 0)
        {
            throw new BatchRejectedException(list.RowErrors.Count == 0
                ? "The file has no recipients: add one row per person under the header."
                : $"None of the {list.RowErrors.Count} rows can be called; see the row errors.") { Setting = BatchSetting.Recipients };
        }

        var agent = await elevenLabs.GetAgentAsync(request.AgentId, cancellationToken)
            ?? throw new BatchRejectedException($"ElevenLabs has no agent '{request.AgentId}'. Use the agent id shown in the ElevenLabs dashboard (Agents > your agent > ID).") { Setting = BatchSetting.AgentId };
        var forbidden = list.OverrideColumns.Where(column => !agent.AllowedOverrides.Contains(column)).ToList();
        if (forbidden.Count > 0)
        {
            throw new BatchRejectedException(
                $"The file has {string.Join(", ", forbidden.Select(c => $"a '{c}' column"))}, but agent '{agent.Name}' does not allow overriding "
                + $"{(forbidden.Count == 1 ? "it" : "them")}. Enable the override in the agent's Security settings "
                + $"(platform_settings.overrides.conversation_config_override: {string.Join(", ", forbidden.Select(OverrideSetting))}), or remove the column.") { Setting = BatchSetting.Overrides };
        }

        var phone = await elevenLabs.GetPhoneNumberAsync(request.PhoneNumberId, cancellationToken)
            ?? throw new BatchRejectedException($"ElevenLabs has no phone number '{request.PhoneNumberId}'. Use the phone number id shown in the ElevenLabs dashboard (Phone Numbers).") { Setting = BatchSetting.PhoneNumberId };
        if (phone.Provider != PhoneProvider.Twilio)
        {
            throw new BatchRejectedException($"Phone number '{request.PhoneNumberId}' is a {phone.Provider} number; this version dials through Twilio numbers only.") { Setting = BatchSetting.PhoneNumberId };
        }

        if (!phone.SupportsOutbound)
        {
            throw new BatchRejectedException($"Phone number '{request.PhoneNumberId}' is not enabled for outbound calls in ElevenLabs.") { Setting = BatchSetting.PhoneNumberId };
        }

        return new BatchDefinition(
            batchId,
            request.Name,
            agent.AgentId,
            agent.Name,
            phone.PhoneNumberId,
            phone.PhoneNumber,
            phone.Provider,
            list.Recipients.Count,
            request.TargetConcurrencyLimit ?? dispatch.Value.MaxConcurrentCalls,
            request.TargetConcurrencyLimit,
            clock.GetUtcNow(),
            request.Source,
            request.ScheduledAt,
            request.Timezone,
            request.TelephonyCallConfig);
    }

    private static string OverrideSetting(string column) => column switch
    {
        RecipientColumns.FirstMessage => "agent.first_message",
        RecipientColumns.Language => "agent.language",
        RecipientColumns.SystemPrompt => "agent.prompt.prompt",
        _ => "tts.voice_id",
    };
}
