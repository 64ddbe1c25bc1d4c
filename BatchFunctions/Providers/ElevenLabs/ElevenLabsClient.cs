using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BatchFunctions.Domain;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>The few ElevenLabs Agents endpoints the app calls; the HttpClient carries base address and key.</summary>
public sealed class ElevenLabsClient(HttpClient http)
{
    public const string ApiKeyHeader = "xi-api-key";

    /// <returns>The agent, or null when ElevenLabs has no agent with that id.</returns>
    public async Task<AgentProfile?> GetAgentAsync(string agentId, CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync($"v1/convai/agents/{Uri.EscapeDataString(agentId)}", cancellationToken);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        if (TryGet(root, out var overrides, "platform_settings", "overrides", "conversation_config_override"))
        {
            AddIfTrue(overrides, allowed, "first_message", "agent", "first_message");
            AddIfTrue(overrides, allowed, "language", "agent", "language");
            AddIfTrue(overrides, allowed, "system_prompt", "agent", "prompt", "prompt");
            AddIfTrue(overrides, allowed, "voice_id", "tts", "voice_id");
        }

        int? limit = TryGet(root, out var limitElement, "platform_settings", "call_limits", "agent_concurrency_limit")
            && limitElement.ValueKind == JsonValueKind.Number && limitElement.GetInt32() >= 0
                ? limitElement.GetInt32()
                : null;
        var name = root.TryGetProperty("name", out var nameElement) ? nameElement.GetString() ?? agentId : agentId;
        return new AgentProfile(agentId, name, allowed, limit, DynamicVariableNames(root));
    }

    /// <returns>The phone number, or null when ElevenLabs has none with that id.</returns>
    public async Task<PhoneNumberProfile?> GetPhoneNumberAsync(string phoneNumberId, CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync($"v1/convai/phone-numbers/{Uri.EscapeDataString(phoneNumberId)}", cancellationToken);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        var provider = root.TryGetProperty("provider", out var p) && p.GetString() == "sip_trunk" ? PhoneProvider.SipTrunk : PhoneProvider.Twilio;
        return new PhoneNumberProfile(
            phoneNumberId,
            root.GetProperty("phone_number").GetString() ?? "",
            provider,
            root.TryGetProperty("label", out var label) ? label.GetString() ?? "" : "",
            !root.TryGetProperty("supports_outbound", out var outbound) || outbound.ValueKind != JsonValueKind.False);
    }

    /// <returns>TwiML to hand back to Twilio verbatim.</returns>
    public async Task<string> RegisterTwilioCallAsync(RegisterCallRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("v1/convai/twilio/register-call", request, cancellationToken);
        await ThrowIfRefusedAsync(response, "register-call", cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <exception cref="ElevenLabsConfigurationException">The key, agent or phone number is refused.</exception>
    /// <exception cref="HttpRequestException">ElevenLabs failed or was unreachable; whether the call started is unknown.</exception>
    public async Task<SipTrunkCallStarted> StartSipTrunkCallAsync(SipTrunkCallRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("v1/convai/sip-trunk/outbound-call", request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            var refusal = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ElevenLabsConfigurationException($"ElevenLabs refused the SIP-trunk call's agent or phone number (HTTP {(int)response.StatusCode}): {Truncate(refusal)}");
        }

        await ThrowIfRefusedAsync(response, "sip-trunk/outbound-call", cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        return new SipTrunkCallStarted(
            root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True,
            root.TryGetProperty("message", out var message) ? message.GetString() ?? "" : "",
            StringOrNull(root, "conversation_id"),
            StringOrNull(root, "sip_call_id"));
    }

    /// <returns>The conversation's state, or null when ElevenLabs does not know it.</returns>
    public async Task<ConversationState?> GetConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var document = await GetJsonAsync($"v1/convai/conversations/{Uri.EscapeDataString(conversationId)}", cancellationToken);
        if (document is null)
        {
            return null;
        }

        var root = document.RootElement;
        int? duration = TryGet(root, out var seconds, "metadata", "call_duration_secs") && seconds.ValueKind == JsonValueKind.Number ? seconds.GetInt32() : null;
        return new ConversationState(
            StringOrNull(root, "status") ?? "unknown",
            duration,
            TryGet(root, out var result, "metadata", "phone_call", "call_result") && result.ValueKind == JsonValueKind.String ? result.GetString() : null,
            TryGet(root, out var reason, "metadata", "termination_reason") && reason.ValueKind == JsonValueKind.String ? reason.GetString() : null);
    }

    /// <returns>The conversation as ElevenLabs describes it (transcript, analysis, metadata), or null when it does not know it.</returns>
    /// <exception cref="HttpRequestException">ElevenLabs failed or was unreachable (transient).</exception>
    public Task<JsonDocument?> GetConversationDetailsAsync(string conversationId, CancellationToken cancellationToken) =>
        GetJsonAsync($"v1/convai/conversations/{Uri.EscapeDataString(conversationId)}", cancellationToken);

    /// <returns>The conversation's recording, or null when there is none; the caller disposes the response.</returns>
    public async Task<HttpResponseMessage?> GetConversationAudioAsync(string conversationId, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync($"v1/convai/conversations/{Uri.EscapeDataString(conversationId)}/audio", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            response.Dispose();
            return null;
        }

        try
        {
            await ThrowIfRefusedAsync(response, "conversation audio", cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private async Task<JsonDocument?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await ThrowIfRefusedAsync(response, path, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    private static async Task ThrowIfRefusedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new ElevenLabsConfigurationException($"ElevenLabs refused the API key for {what} (HTTP {(int)response.StatusCode}): check ElevenLabs__ApiKey.");
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"ElevenLabs {what} answered HTTP {(int)response.StatusCode}: {Truncate(body)}", null, response.StatusCode);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";

    private static bool TryGet(JsonElement element, out JsonElement found, params string[] path)
    {
        found = element;
        foreach (var name in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The keys of conversation_config.agent.dynamic_variables.dynamic_variable_placeholders; agents without any leave it out.</summary>
    private static HashSet<string> DynamicVariableNames(JsonElement agent)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (TryGet(agent, out var placeholders, "conversation_config", "agent", "dynamic_variables", "dynamic_variable_placeholders")
            && placeholders.ValueKind == JsonValueKind.Object)
        {
            foreach (var placeholder in placeholders.EnumerateObject())
            {
                names.Add(placeholder.Name);
            }
        }

        return names;
    }

    private static void AddIfTrue(JsonElement overrides, HashSet<string> allowed, string column, params string[] path)
    {
        if (TryGet(overrides, out var flag, path) && flag.ValueKind == JsonValueKind.True)
        {
            allowed.Add(column);
        }
    }
}
