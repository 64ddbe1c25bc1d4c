using System.Text.Json;
using BatchFunctions.Batches;
using BatchFunctions.Domain;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Api;

/// <summary>
/// Reads the body of POST /v1/convai/batch-calling/submit as the official SDK sends it and checks it
/// with the rules a dropped file follows: numbers normalised to E.164 (<see cref="PhoneNumberNormalizer"/>),
/// one call per number, overrides limited to the four ElevenLabs lets a batch set. Unlike a file, whose
/// bad rows are left out, a request with any fault is refused whole, with every fault named by its
/// location, as FastAPI does. Fields ElevenLabs has but this app cannot honour (WhatsApp, branches,
/// other overrides) are refused rather than silently dropped; unknown fields are ignored, as pydantic does.
/// The caps of an uploaded file apply too (Ingestion__MaxRows, MaxColumns, MaxCellCharacters, and what one
/// table-storage entity holds), so the API is not a way around them.
/// </summary>
public sealed class SubmitRequestReader(IOptions<BatchDefaultsOptions> defaults, IOptions<IngestionOptions> limits)
{
    public const int MaxConcurrencyLimit = 10_000;

    private static readonly string[] UnsupportedBatchFields = ["whatsapp_params", "branch_id", "environment"];

    /// <summary>
    /// Reads the request's JSON body and checks it as <see cref="Read"/> does. What it returns holds no
    /// reference to the body (values are copied), so the body is released here.
    /// </summary>
    /// <returns>The batch, or null with the issues naming every fault.</returns>
    public async Task<(SubmittedBatch? Batch, IReadOnlyList<ValidationIssue> Issues)> ReadAsync(
        Microsoft.AspNetCore.Http.HttpRequest request, string source, CancellationToken cancellationToken)
    {
        var issues = new List<ValidationIssue>();
        using var body = await ApiRequests.ReadJsonAsync(request, issues, cancellationToken);
        if (body is null)
        {
            return (null, issues);
        }

        var batch = Read(body.RootElement, source, out var faults);
        return (batch, faults);
    }

    /// <returns>The batch, or null with <paramref name="issues"/> naming every field at fault.</returns>
    public SubmittedBatch? Read(JsonElement body, string source, out IReadOnlyList<ValidationIssue> issues)
    {
        var found = new List<ValidationIssue>();
        issues = found;
        if (body.ValueKind != JsonValueKind.Object)
        {
            found.Add(new ValidationIssue("model_attributes_type", ["body"], "Input should be a valid dictionary or object to extract fields from"));
            return null;
        }

        var name = RequiredString(body, "call_name", found);
        var agentId = RequiredString(body, "agent_id", found);
        var phoneNumberId = OptionalString(body, "agent_phone_number_id", found) ?? defaults.Value.DefaultPhoneNumberId;
        if (phoneNumberId is null && !HasValue(body, "agent_phone_number_id"))
        {
            found.Add(new ValidationIssue("missing", ["body", "agent_phone_number_id"],
                "Field required: this deployment has no default phone number (Batch__DefaultPhoneNumberId), so name one."));
        }

        var scheduledAt = ScheduledTime(body, found);
        var timezone = Timezone(body, found);
        var concurrency = OptionalInt(body, ["body", "target_concurrency_limit"], "target_concurrency_limit", 1, MaxConcurrencyLimit, found);
        var telephony = TelephonyConfig(body, found);
        var voicemailMessage = VoicemailMessage(body, ["body"], found);
        foreach (var field in UnsupportedBatchFields)
        {
            RefuseIfSet(body, field, ["body", field], found);
        }

        var recipients = Recipients(body, out var overrideColumns, found);
        if (found.Count > 0)
        {
            return null;
        }

        var request = new BatchRequest(name!, agentId!, phoneNumberId!, concurrency, source, ScheduledAt: scheduledAt, Timezone: timezone, TelephonyCallConfig: telephony,
            VoicemailMessage: voicemailMessage);
        return new SubmittedBatch(request, new ParsedRecipientList(recipients, [], overrideColumns, new FileDescription(RecipientFileFormat.Json, null, "utf-8"))
        {
            VoicemailMessages = recipients.Count(r => r.VoicemailMessage is not null),
        });
    }

    private List<Recipient> Recipients(JsonElement body, out IReadOnlyList<string> overrideColumns, List<ValidationIssue> issues)
    {
        var recipients = new List<Recipient>();
        var overrides = new SortedSet<string>(StringComparer.Ordinal);
        overrideColumns = [];
        if (!body.TryGetProperty("recipients", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            issues.Add(ValidationIssue.Missing(["body", "recipients"]));
            return recipients;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            issues.Add(new ValidationIssue("list_type", ["body", "recipients"], "Input should be a valid list"));
            return recipients;
        }

        if (list.GetArrayLength() == 0)
        {
            issues.Add(new ValidationIssue("too_short", ["body", "recipients"], "List should have at least 1 item after validation, not 0"));
            return recipients;
        }

        var maxRows = limits.Value.MaxRows;
        if (list.GetArrayLength() > maxRows)
        {
            issues.Add(new ValidationIssue("too_long", ["body", "recipients"],
                $"List should have at most {maxRows} items after validation, not {list.GetArrayLength()}: the limit on recipients per batch (Ingestion__MaxRows), "
                + "as for an uploaded file. Split the list into several batches.",
                Ctx: new { max_length = maxRows }));
            return recipients;
        }

        // A file's named columns are phone_number, the overrides and the variables; a request's are counted the same way.
        var columns = new HashSet<string>(StringComparer.Ordinal) { RecipientColumns.PhoneNumber };

        var firstIndexOfNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var i = index++;
            object[] at = ["body", "recipients", i];
            if (item.ValueKind != JsonValueKind.Object)
            {
                issues.Add(new ValidationIssue("model_attributes_type", at, "Input should be a valid dictionary or object to extract fields from"));
                continue;
            }

            var id = OptionalString(item, "id", issues, at);
            CheckLength(id, [.. at, "id"], issues);
            RefuseIfSet(item, "whatsapp_user_id", [.. at, "whatsapp_user_id"], issues);
            var voicemailMessage = VoicemailMessage(item, at, issues);
            var clientData = ClientData(item, at, overrides, issues);
            if (clientData is not null)
            {
                columns.UnionWith(clientData.DynamicVariables.Keys);
            }

            var phone = PhoneNumber(item, at, issues);
            if (phone is null)
            {
                continue;
            }

            if (firstIndexOfNumber.TryGetValue(phone, out var first))
            {
                issues.Add(ValidationIssue.Value([.. at, "phone_number"], $"duplicate of recipients[{first}] ({PhoneMask.Mask(phone)}); each number is called once.",
                    item.GetProperty("phone_number").GetString()));
                continue;
            }

            firstIndexOfNumber[phone] = i;
            if (clientData is not null)
            {
                var recipient = new Recipient(recipients.Count, 0, phone, clientData, id) { VoicemailMessage = voicemailMessage };
                if (StoredRecipientSize.TooLarge(recipient) is { } tooLarge)
                {
                    issues.Add(ValidationIssue.Value(at, tooLarge));
                    continue;
                }

                recipients.Add(recipient);
            }
        }

        columns.UnionWith(overrides);
        var maxColumns = limits.Value.MaxColumns;
        if (columns.Count > maxColumns)
        {
            issues.Add(ValidationIssue.Value(["body", "recipients"],
                $"the recipients have {columns.Count} distinct fields (phone_number, dynamic variables and overrides); the limit is {maxColumns} "
                + "(Ingestion__MaxColumns), as for the columns of an uploaded file. Leave out the variables the agent does not use."));
        }

        overrideColumns = [.. overrides];
        return recipients;
    }

    private string? PhoneNumber(JsonElement recipient, object[] at, List<ValidationIssue> issues)
    {
        if (!recipient.TryGetProperty("phone_number", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            issues.Add(ValidationIssue.Missing([.. at, "phone_number"]));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            issues.Add(new ValidationIssue("string_type", [.. at, "phone_number"], "Input should be a valid string", value.Clone()));
            return null;
        }

        var raw = value.GetString()!;
        var e164 = PhoneNumberNormalizer.Normalize(raw, defaults.Value.DefaultRegion, out var error);
        if (e164 is null)
        {
            issues.Add(ValidationIssue.Value([.. at, "phone_number"], error!, raw));
        }

        return e164;
    }

    /// <returns>The client data, or null when it has faults (added to <paramref name="issues"/>).</returns>
    private ConversationInitiationClientData? ClientData(JsonElement recipient, object[] at, SortedSet<string> overrides, List<ValidationIssue> issues)
    {
        object[] here = [.. at, "conversation_initiation_client_data"];
        if (!recipient.TryGetProperty("conversation_initiation_client_data", out var data) || data.ValueKind == JsonValueKind.Null)
        {
            return new ConversationInitiationClientData(new Dictionary<string, JsonElement>());
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new ValidationIssue("model_attributes_type", here, "Input should be a valid dictionary or object to extract fields from"));
            return null;
        }

        var before = issues.Count;
        var variables = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        ConversationConfigOverride? configOverride = null;
        foreach (var property in data.EnumerateObject())
        {
            switch (property.Name)
            {
                case "dynamic_variables":
                    DynamicVariables(property.Value, [.. here, "dynamic_variables"], variables, issues);
                    break;
                case "conversation_config_override":
                    configOverride = Override(property.Value, [.. here, "conversation_config_override"], overrides, issues);
                    break;
                default:
                    RefuseIfSet(data, property.Name, [.. here, property.Name], issues);
                    break;
            }
        }

        return issues.Count == before ? new ConversationInitiationClientData(variables, configOverride) : null;
    }

    private void DynamicVariables(JsonElement value, object[] at, Dictionary<string, JsonElement> variables, List<ValidationIssue> issues)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new ValidationIssue("dict_type", at, "Input should be a valid dictionary"));
            return;
        }

        foreach (var variable in value.EnumerateObject())
        {
            if (variable.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                issues.Add(ValidationIssue.Value([.. at, variable.Name], "a dynamic variable must be a string, number, boolean or null."));
                continue;
            }

            if (variable.Value.ValueKind == JsonValueKind.String && !CheckLength(variable.Value.GetString(), [.. at, variable.Name], issues))
            {
                continue;
            }

            variables[variable.Name] = variable.Value.Clone();
        }
    }

    /// <returns>Whether the value is within Ingestion__MaxCellCharacters, the limit on one cell of a file.</returns>
    private bool CheckLength(string? value, object[] at, List<ValidationIssue> issues)
    {
        var max = limits.Value.MaxCellCharacters;
        if (value is null || value.Length <= max)
        {
            return true;
        }

        issues.Add(new ValidationIssue("string_too_long", at,
            $"String should have at most {max} characters, not {value.Length}: the limit on one value (Ingestion__MaxCellCharacters), as for a cell of an uploaded file.",
            Ctx: new { max_length = max }));
        return false;
    }

    /// <summary>The overrides ElevenLabs lets a batch set per recipient: the four special columns of a file.</summary>
    private ConversationConfigOverride? Override(JsonElement value, object[] at, SortedSet<string> used, List<ValidationIssue> issues)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (!IsObject(value, at, issues))
        {
            return null;
        }

        AgentOverride? agent = null;
        TtsOverride? tts = null;
        foreach (var property in value.EnumerateObject())
        {
            object[] here = [.. at, property.Name];
            switch (property.Name)
            {
                case "agent" when property.Value.ValueKind != JsonValueKind.Null && IsObject(property.Value, here, issues):
                    var firstMessage = OverrideString(property.Value, "first_message", RecipientColumns.FirstMessage, here, used, issues);
                    var language = OverrideString(property.Value, "language", RecipientColumns.Language, here, used, issues);
                    PromptOverride? prompt = null;
                    if (property.Value.TryGetProperty("prompt", out var promptValue) && promptValue.ValueKind != JsonValueKind.Null
                        && IsObject(promptValue, [.. here, "prompt"], issues)
                        && OverrideString(promptValue, "prompt", RecipientColumns.SystemPrompt, [.. here, "prompt"], used, issues) is { } text)
                    {
                        prompt = new PromptOverride(text);
                        RefuseOthers(promptValue, ["prompt"], [.. here, "prompt"], issues);
                    }

                    RefuseOthers(property.Value, ["first_message", "language", "prompt"], here, issues);
                    agent = firstMessage is null && language is null && prompt is null ? null : new AgentOverride(firstMessage, language, prompt);
                    break;
                case "tts" when property.Value.ValueKind != JsonValueKind.Null && IsObject(property.Value, here, issues):
                    var voiceId = OverrideString(property.Value, "voice_id", RecipientColumns.VoiceId, here, used, issues);
                    RefuseOthers(property.Value, ["voice_id"], here, issues);
                    tts = voiceId is null ? null : new TtsOverride(voiceId);
                    break;
                case "agent" or "tts":
                    break;
                default:
                    RefuseIfSet(value, property.Name, here, issues);
                    break;
            }
        }

        return agent is null && tts is null ? null : new ConversationConfigOverride(agent, tts);
    }

    private string? OverrideString(JsonElement owner, string field, string column, object[] at, SortedSet<string> used, List<ValidationIssue> issues)
    {
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            issues.Add(new ValidationIssue("string_type", [.. at, field], "Input should be a valid string", value.Clone()));
            return null;
        }

        used.Add(column);
        var text = value.GetString();
        return CheckLength(text, [.. at, field], issues) ? text : null;
    }

    private static void RefuseOthers(JsonElement owner, string[] supported, object[] at, List<ValidationIssue> issues)
    {
        foreach (var property in owner.EnumerateObject())
        {
            if (!supported.Contains(property.Name))
            {
                RefuseIfSet(owner, property.Name, [.. at, property.Name], issues);
            }
        }
    }

    private static void RefuseIfSet(JsonElement owner, string field, object[] at, List<ValidationIssue> issues)
    {
        if (HasValue(owner, field))
        {
            issues.Add(ValidationIssue.Value(at, $"'{field}' is not supported by this self-hosted batch-calling app; leave it out."));
        }
    }

    /// <summary>Ours, on the batch and on each recipient: what to leave on an answering machine after its beep.</summary>
    private static string? VoicemailMessage(JsonElement owner, object[] at, List<ValidationIssue> issues)
    {
        var message = OptionalString(owner, "voicemail_message", issues, at);
        if (message is null)
        {
            return null;
        }

        if (VoicemailMessages.Problem(message) is { } problem)
        {
            issues.Add(message.Length > VoicemailMessages.MaxLength
                ? new ValidationIssue("string_too_long", [.. at, "voicemail_message"], $"String should have at most {VoicemailMessages.MaxLength} characters. {problem}",
                    Ctx: new { max_length = VoicemailMessages.MaxLength })
                : ValidationIssue.Value([.. at, "voicemail_message"], problem, message));
            return null;
        }

        return message.Trim();
    }

    private static DateTimeOffset? ScheduledTime(JsonElement body, List<ValidationIssue> issues)
    {
        if (!body.TryGetProperty("scheduled_time_unix", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds))
        {
            issues.Add(new ValidationIssue("int_type", ["body", "scheduled_time_unix"], "Input should be a valid integer", value.Clone()));
            return null;
        }

        if (seconds < 0 || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            issues.Add(ValidationIssue.Value(["body", "scheduled_time_unix"], "a Unix time in seconds, such as 1767225600, is expected.", value.Clone()));
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds((long)seconds);
    }

    private static string? Timezone(JsonElement body, List<ValidationIssue> issues)
    {
        var timezone = OptionalString(body, "timezone", issues);
        if (timezone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out _))
        {
            issues.Add(ValidationIssue.Value(["body", "timezone"], $"'{timezone}' is not an IANA time zone; use a name such as America/New_York or Europe/London.", timezone));
            return null;
        }

        return timezone;
    }

    private static TelephonyCallConfig? TelephonyConfig(JsonElement body, List<ValidationIssue> issues)
    {
        object[] at = ["body", "telephony_call_config"];
        if (!body.TryGetProperty("telephony_call_config", out var value) || value.ValueKind == JsonValueKind.Null || !IsObject(value, at, issues))
        {
            return null;
        }

        var ringing = OptionalInt(value, [.. at, "ringing_timeout_secs"], "ringing_timeout_secs", 5, 600, issues);
        bool? recording = null;
        if (value.TryGetProperty("twilio_call_recording_enabled", out var recordingValue) && recordingValue.ValueKind != JsonValueKind.Null)
        {
            if (recordingValue.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                recording = recordingValue.GetBoolean();
            }
            else
            {
                issues.Add(new ValidationIssue("bool_type", [.. at, "twilio_call_recording_enabled"], "Input should be a valid boolean", recordingValue.Clone()));
            }
        }

        TwilioMachineDetection? detection = null;
        if (value.TryGetProperty("twilio_machine_detection", out var detectionValue) && detectionValue.ValueKind != JsonValueKind.Null
            && IsObject(detectionValue, [.. at, "twilio_machine_detection"], issues))
        {
            MachineDetectionMode? mode = null;
            if (detectionValue.TryGetProperty("mode", out var modeValue) && modeValue.ValueKind != JsonValueKind.Null)
            {
                mode = modeValue.ValueKind == JsonValueKind.String ? modeValue.GetString() switch
                {
                    "enable" => MachineDetectionMode.Enable,
                    "detect_message_end" => MachineDetectionMode.DetectMessageEnd,
                    _ => null,
                } : null;
                if (mode is null)
                {
                    issues.Add(new ValidationIssue("enum", [.. at, "twilio_machine_detection", "mode"], "Input should be 'enable' or 'detect_message_end'", modeValue.Clone()));
                }
            }

            detection = new TwilioMachineDetection(mode);
        }

        return new TelephonyCallConfig(ringing, recording, detection);
    }

    private static int? OptionalInt(JsonElement owner, object[] at, string field, int min, int max, List<ValidationIssue> issues)
    {
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            issues.Add(new ValidationIssue("int_type", at, "Input should be a valid integer", value.Clone()));
            return null;
        }

        if (number < min)
        {
            issues.Add(new ValidationIssue("greater_than_equal", at, $"Input should be greater than or equal to {min}", number));
            return null;
        }

        if (number > max)
        {
            issues.Add(new ValidationIssue("less_than_equal", at, $"Input should be less than or equal to {max}", number));
            return null;
        }

        return number;
    }

    private static string? RequiredString(JsonElement owner, string field, List<ValidationIssue> issues)
    {
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            issues.Add(ValidationIssue.Missing(["body", field]));
            return null;
        }

        var text = OptionalString(owner, field, issues);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            issues.Add(new ValidationIssue("string_too_short", ["body", field], "String should have at least 1 character", text));
            return null;
        }

        return text?.Trim();
    }

    private static string? OptionalString(JsonElement owner, string field, List<ValidationIssue> issues, object[]? at = null)
    {
        if (!owner.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            issues.Add(new ValidationIssue("string_type", [.. at ?? ["body"], field], "Input should be a valid string", value.Clone()));
            return null;
        }

        return value.GetString();
    }

    private static bool IsObject(JsonElement value, object[] at, List<ValidationIssue> issues)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        issues.Add(new ValidationIssue("model_attributes_type", at, "Input should be a valid dictionary or object to extract fields from"));
        return false;
    }

    private static bool HasValue(JsonElement owner, string field) =>
        owner.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null;
}
