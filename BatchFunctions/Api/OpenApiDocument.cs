using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using BatchFunctions.Domain;
using BatchFunctions.Ingestion;

namespace BatchFunctions.Api;

/// <summary>
/// The OpenAPI 3.1 document of the whole API. Response schemas are generated from the very DTO types
/// the endpoints serialize, with the same serializer options (snake_case, enums as wire strings), so
/// they cannot drift; request bodies, which the endpoints read field by field for FastAPI-style errors,
/// are written out here after ElevenLabs' SDK. Every served route is checked to be documented here by
/// OpenApiDocumentTests.
/// </summary>
public static class OpenApiDocument
{
    private static readonly Lazy<string> Document = new(() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    public static string Text => Document.Value;

    private static JsonObject Build()
    {
        var schemas = new JsonObject
        {
            ["BatchCallResponse"] = SchemaOf<BatchCallResponse>(without: "recipients"),
            ["BatchCallDetailedResponse"] = SchemaOf<BatchCallResponse>(required: "recipients"),
            ["WorkspaceBatchCallsResponse"] = SchemaOf<WorkspaceBatchCallsResponse>(),
            ["UploadResponse"] = SchemaOf<UploadResponse>(),
            ["FileReport"] = SchemaOf<FileReport>(),
            ["HTTPValidationError"] = Obj(("detail", Arr(SchemaOf<ValidationIssue>()))),
            ["ErrorResponse"] = Obj(("detail", Obj(("status", Str()), ("message", Str())))),
            ["SubmitBatchRequest"] = SubmitBatchRequest(),
            ["ConcurrencyRequest"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("target_concurrency_limit"),
                ["properties"] = new JsonObject { ["target_concurrency_limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = SubmitRequestReader.MaxConcurrencyLimit } },
            },
            ["UploadForm"] = UploadForm(),
            ["BatchOverviewResponse"] = SchemaOf<BatchOverviewResponse>(),
            ["RecipientPageResponse"] = SchemaOf<RecipientPageResponse>(),
            ["BatchResultsResponse"] = SchemaOf<BatchResultsResponse>(),
            ["CallTimelineResponse"] = SchemaOf<CallTimelineResponse>(),
            ["AgentResponse"] = SchemaOf<AgentResponse>(),
            ["PhoneNumberResponse"] = SchemaOf<PhoneNumberResponse>(),
            ["BatchDefaultsResponse"] = SchemaOf<BatchDefaultsResponse>(),
        };

        var paths = new JsonObject();
        foreach (var operation in Operations())
        {
            var route = "/" + ApiRoutes.PathOf(operation.Route);
            var path = paths[route]?.AsObject() ?? (JsonObject)(paths[route] = new JsonObject());
            path[operation.Method] = operation.Node;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Self-hosted batch calling for ElevenLabs agents",
                ["version"] = "1.0.0",
                ["description"] = "The /v1/convai/batch-calling routes are wire-compatible with ElevenLabs' batch-calling API "
                    + "(point the official SDK's baseUrl here). Routes under /api are this app's additions. Every route takes the "
                    + "xi-api-key header except Twilio's webhooks, which are authenticated by Twilio's signature.",
            },
            ["security"] = new JsonArray(new JsonObject { ["ApiKey"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["ApiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = ApiKeyAuthenticator.Header },
                    ["TwilioSignature"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Twilio-Signature" },
                },
                ["schemas"] = schemas,
            },
        };
    }

    private sealed record Operation(string Method, string Route, JsonObject Node);

    private static IEnumerable<Operation> Operations()
    {
        var batchId = PathParameter("batchId", "The batch id (btcal_...).");
        yield return Op("post", ApiRoutes.Submit, "submitBatchCall", "Submit a batch call (ElevenLabs)", "batch-calling",
            "Recipients are checked like a dropped file's rows (E.164, duplicates, override permissions); any fault refuses the whole request with 422 "
            + "naming each field. An Idempotency-Key header makes a repeated request return the first batch.",
            parameters: [Header(BatchIds.IdempotencyKeyHeader, "Optional: the same key returns the same batch.")],
            body: Json("#/components/schemas/SubmitBatchRequest"),
            responses: Responses(("200", "The batch", Json("#/components/schemas/BatchCallResponse")), Unprocessable(), Upstream()));
        yield return Op("get", ApiRoutes.Workspace, "listBatchCalls", "List the workspace's batch calls, newest first (ElevenLabs)", "batch-calling", null,
            parameters:
            [
                Query("limit", "Batches per page, 1-100 (default 100).", new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 100, ["default"] = 100 }),
                Query("last_doc", "The next_doc of the previous page.", Str()),
                Query("agent_id", "Only this agent's batches.", Str()),
            ],
            responses: Responses(("200", "A page of batches", Json("#/components/schemas/WorkspaceBatchCallsResponse")), Unprocessable()));
        yield return Op("get", ApiRoutes.Batch, "getBatchCall", "A batch with every recipient (ElevenLabs)", "batch-calling", "Streamed; recipients in submission order.",
            parameters: [batchId],
            responses: Responses(("200", "The batch and its recipients", Json("#/components/schemas/BatchCallDetailedResponse")), NotFound()));
        yield return Op("delete", ApiRoutes.Batch, "deleteBatchCall", "Delete a batch and its recipient records (ElevenLabs)", "batch-calling",
            "A running batch is stopped first; calls already live are not hung up.",
            parameters: [batchId],
            responses: Responses(("204", "Deleted", null), NotFound(), Conflict()));
        yield return Op("post", ApiRoutes.Cancel, "cancelBatchCall", "Cancel a batch (ElevenLabs)", "batch-calling",
            "Pending recipients become cancelled. Our addition: hang_up_live_calls=true also ends calls in progress.",
            parameters: [batchId, Query("hang_up_live_calls", "Also end live calls (our addition).", new JsonObject { ["type"] = "boolean", ["default"] = false })],
            responses: Responses(("200", "The batch", Json("#/components/schemas/BatchCallResponse")), NotFound(), Conflict(), Unprocessable()));
        yield return Op("post", ApiRoutes.Retry, "retryBatchCall", "Retry a finished batch's failed and unanswered recipients (ElevenLabs)", "batch-calling", "409 while the batch runs.",
            parameters: [batchId],
            responses: Responses(("200", "The batch", Json("#/components/schemas/BatchCallResponse")), NotFound(), Conflict()));
        yield return Op("get", ApiRoutes.Export, "exportBatchCall", "CSV of every recipient's input row and outcome (ElevenLabs)", "batch-calling",
            "Streamed, UTF-8 with a byte order mark; cells that a spreadsheet would run as formulas are escaped with a leading apostrophe.",
            parameters: [batchId, Query("limit", "Only the first N recipients (a preview).", new JsonObject { ["type"] = "integer", ["minimum"] = 1 })],
            responses: Responses(("200", "The CSV", Content("text/csv", Str())), NotFound(), Unprocessable()));

        foreach (var (route, id, summary) in new[]
        {
            (ApiRoutes.Pause, "pauseBatchCall", "Pause dialing (our addition)"),
            (ApiRoutes.Resume, "resumeBatchCall", "Resume dialing (our addition)"),
        })
        {
            yield return Op("post", route, id, summary, "extensions", null, parameters: [batchId],
                responses: Responses(("200", "The batch", Json("#/components/schemas/BatchCallResponse")), NotFound(), Conflict()));
        }

        yield return Op("post", ApiRoutes.Concurrency, "setBatchConcurrency", "Change how many calls the batch keeps live (our addition)", "extensions", null,
            parameters: [batchId], body: Json("#/components/schemas/ConcurrencyRequest"),
            responses: Responses(("200", "The batch", Json("#/components/schemas/BatchCallResponse")), NotFound(), Conflict(), Unprocessable()));
        yield return Op("post", ApiRoutes.Upload, "uploadBatchFile", "Create a batch from a recipient file (our addition)", "extensions",
            "Checked exactly as a file dropped into the uploads container: bad rows are left out and reported.",
            parameters: [Header(BatchIds.IdempotencyKeyHeader, "Optional: the same key returns the same batch.")],
            body: Content("multipart/form-data", Ref("#/components/schemas/UploadForm")),
            responses: Responses(("200", "The batch and how its file was read", Json("#/components/schemas/UploadResponse")), Unprocessable(), Upstream()));
        yield return Op("post", ApiRoutes.Validate, "validateBatchFile", "Check a recipient file without creating a batch (our addition)", "extensions", null,
            body: Content("multipart/form-data", Ref("#/components/schemas/UploadForm")),
            responses: Responses(("200", "What would be called, rows left out, what was detected", Json("#/components/schemas/FileReport")), Unprocessable(), Upstream()));
        yield return Op("post", ApiRoutes.TestCall, "placeTestCall", "Call one recipient before submitting the batch (our addition)", "extensions",
            "A submit body with exactly one recipient; it becomes a one-recipient batch started at once.",
            body: Json("#/components/schemas/SubmitBatchRequest"),
            responses: Responses(("200", "The test call's batch", Json("#/components/schemas/BatchCallResponse")), Unprocessable(), Upstream()));
        yield return Op("get", ApiRoutes.Template, "getRecipientTemplate", "Download the recipient file template (our addition)", "extensions", null,
            responses: Responses(("200", "A CSV template", Content("text/csv", Str()))));
        yield return Op("get", ApiRoutes.Summary, "getBatchSummary", "A batch's counters and milestones without its recipients (our addition)", "extensions",
            "Cheap enough to poll every second or two: one index read and one entity read.",
            parameters: [batchId],
            responses: Responses(("200", "The batch, when it started and ended", Json("#/components/schemas/BatchOverviewResponse")), NotFound()));
        yield return Op("get", ApiRoutes.Recipients, "listBatchRecipients", "A page of a batch's recipients, optionally filtered by status (our addition)", "extensions",
            "Unfiltered, a page reads only the blocks of 1000 recipients it spans; filtered, the whole batch is read and the matches on the page kept.",
            parameters:
            [
                batchId,
                Query("status", "Comma-separated statuses: " + string.Join(", ", RecipientPages.FilterNames) + " (live = dispatched, initiated and in_progress).", Str()),
                Query("offset", "Matching recipients to skip (default 0).", new JsonObject { ["type"] = "integer", ["minimum"] = 0, ["default"] = 0 }),
                Query("limit", $"Recipients per page, 1-{RecipientPages.MaxLimit} (default {RecipientPages.DefaultLimit}).",
                    new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = RecipientPages.MaxLimit, ["default"] = RecipientPages.DefaultLimit }),
            ],
            responses: Responses(("200", "The page and how many recipients match in all", Json("#/components/schemas/RecipientPageResponse")), NotFound(), Unprocessable()));
        yield return Op("get", ApiRoutes.Defaults, "getBatchDefaults", "What a new batch gets unless told otherwise, and the agents and numbers of recent batches (our addition)", "extensions",
            "The configured agent and phone number are looked up in ElevenLabs; a failed look-up is reported in default_agent_error / default_phone_number_error.",
            responses: Responses(("200", "The defaults", Json("#/components/schemas/BatchDefaultsResponse"))));
        yield return Op("get", ApiRoutes.Agent, "getAgent", "An ElevenLabs agent, looked up as a batch would (our addition)", "extensions", null,
            parameters: [PathParameter("agentId", "The ElevenLabs agent id.")],
            responses: Responses(("200", "The agent", Json("#/components/schemas/AgentResponse")), ("404", "ElevenLabs has no such agent", Json("#/components/schemas/ErrorResponse")), Upstream()));
        yield return Op("get", ApiRoutes.PhoneNumber, "getPhoneNumber", "A phone number imported into ElevenLabs, looked up as a batch would (our addition)", "extensions", null,
            parameters: [PathParameter("phoneNumberId", "The ElevenLabs phone number id.")],
            responses: Responses(("200", "The phone number", Json("#/components/schemas/PhoneNumberResponse")), ("404", "ElevenLabs has no such phone number", Json("#/components/schemas/ErrorResponse")), Upstream()));
        yield return Op("get", ApiRoutes.Results, "getBatchResults", "What the batch's conversations achieved: verdicts, criteria and the most frequent values of each data field (our addition)", "extensions",
            $"Counted over the conversations whose results have arrived, in one pass; each field shows its {BatchResultsReader.ValuesShown} most frequent values, the rest as \"{BatchResultsReader.OtherValues}\", and null for conversations that collected nothing.",
            parameters: [batchId],
            responses: Responses(("200", "The counts", Json("#/components/schemas/BatchResultsResponse")), NotFound()));
        yield return Op("get", ApiRoutes.Timeline, "getBatchTimeline", "The batch's calls dialed, answered and ended per minute (our addition)", "extensions",
            $"Counted from every call record's timestamps in one streamed pass (each recipient's latest attempt; only attempts that reached the provider). "
            + $"At most {CallTimeline.MaxBuckets} buckets: a batch spanning more minutes is counted in wider ones (bucket_minutes). Buckets with nothing in them are left out.",
            parameters: [batchId],
            responses: Responses(("200", "The counts per bucket", Json("#/components/schemas/CallTimelineResponse")), NotFound()));
        var conversationId = PathParameter("conversationId", "The ElevenLabs conversation id (conv_...), as in a recipient's conversation_id.");
        yield return Op("get", ApiRoutes.Conversation, "getConversation", "A conversation's transcript, analysis and data collected, as ElevenLabs reported it (our addition)", "extensions",
            "The body is ElevenLabs' own conversation shape (GET /v1/convai/conversations/{id}), kept when its post-call webhook came or when it was fetched. 404 until then, and for conversations of other apps.",
            parameters: [conversationId],
            responses: Responses(("200", "The conversation", Content("application/json", new JsonObject { ["type"] = "object" })), NotFound()));
        yield return Op("get", ApiRoutes.ConversationAudio, "getConversationAudio", "A conversation's recording, passed through from ElevenLabs (our addition)", "extensions", null,
            parameters: [conversationId],
            responses: Responses(("200", "The audio", Content("audio/mpeg", Str())), NotFound(), Upstream()));
        foreach (var (route, id, summary, parameters) in new[]
        {
            (ApiRoutes.Dashboard, "getDashboard", "The operator dashboard (our addition); /dashboard redirects to /dashboard/", Array.Empty<JsonObject>()),
            (ApiRoutes.DashboardFile, "getDashboardFile", "A file of the operator dashboard (our addition)", [PathParameter("file", "index.html, a stylesheet or a JavaScript module.")]),
        })
        {
            var page = Op("get", route, id, summary, "dashboard",
                "Static files served without the API key; the page asks the operator for the key and sends it with each API call.",
                parameters: parameters,
                responses: Responses(("200", "The file", Content("text/html", Str())), ("302", "Redirect to the folder form of the address", null), ("404", "No such file", null)));
            page.Node["responses"]!.AsObject().Remove("401");
            page.Node["security"] = new JsonArray();
            yield return page;
        }

        yield return Op("get", ApiRoutes.OpenApi, "getOpenApiDocument", "This document", "extensions", null,
            responses: Responses(("200", "OpenAPI 3.1", Content("application/json", new JsonObject { ["type"] = "object" }))));

        foreach (var (route, id, summary) in new[]
        {
            (Providers.Twilio.TwilioRoutes.Answer, "twilioAnswer", "Twilio's answer webhook: returns the TwiML that connects the call to the agent"),
            (Providers.Twilio.TwilioRoutes.Status, "twilioCallStatus", "Twilio's status callbacks"),
        })
        {
            var operation = Op("post", route, id, summary, "twilio-webhooks", "Called by Twilio only; requests without a valid X-Twilio-Signature get 403.",
                body: Content("application/x-www-form-urlencoded", new JsonObject { ["type"] = "object" }),
                responses: Responses(("200", "TwiML or accepted", null), ("204", "Accepted", null), ("403", "Not signed by Twilio", null)));
            operation.Node["security"] = new JsonArray(new JsonObject { ["TwilioSignature"] = new JsonArray() });
            yield return operation;
        }

        var postCall = Op("post", Functions.Http.ElevenLabsPostCallWebhook.Route, "elevenLabsPostCallWebhook", "ElevenLabs' post-call webhook (post_call_transcription)", "elevenlabs-webhooks",
            "Called by ElevenLabs only. Requests without a valid ElevenLabs-Signature (HMAC-SHA256 of \"{t}.{body}\" with Conversations__WebhookSecret), "
            + "signed more than 30 minutes away from now, or already seen, get 401 and change nothing. Events for conversations this app did not start are acknowledged and ignored.",
            body: Content("application/json", new JsonObject { ["type"] = "object" }),
            responses: Responses(("200", "Accepted (or ignored)", null)));
        postCall.Node["responses"]!["401"] = Response("Not signed by ElevenLabs, stale, or a replay", null);
        postCall.Node["security"] = new JsonArray();
        yield return postCall;
    }

    private static Operation Op(
        string method, string route, string operationId, string summary, string tag, string? description,
        JsonObject[]? parameters = null, JsonObject? body = null, JsonObject? responses = null)
    {
        var node = new JsonObject { ["operationId"] = operationId, ["summary"] = summary, ["tags"] = new JsonArray(tag) };
        if (description is not null)
        {
            node["description"] = description;
        }

        if (parameters is { Length: > 0 })
        {
            node["parameters"] = new JsonArray([.. parameters.Select(p => p.DeepClone())]);
        }

        if (body is not null)
        {
            node["requestBody"] = new JsonObject { ["required"] = true, ["content"] = body };
        }

        responses ??= new JsonObject();
        if (!route.StartsWith("twilio", StringComparison.Ordinal))
        {
            responses["401"] = Response("No valid xi-api-key", Json("#/components/schemas/ErrorResponse"));
        }

        node["responses"] = responses;
        return new Operation(method, route, node);
    }

    private static JsonObject Responses(params (string Code, string Description, JsonObject? Content)[] responses)
    {
        var node = new JsonObject();
        foreach (var (code, description, content) in responses)
        {
            node[code] = Response(description, content);
        }

        return node;
    }

    private static JsonObject Response(string description, JsonObject? content)
    {
        var node = new JsonObject { ["description"] = description };
        if (content is not null)
        {
            node["content"] = content;
        }

        return node;
    }

    private static (string, string, JsonObject?) NotFound() => ("404", "No such batch", Json("#/components/schemas/ErrorResponse"));

    private static (string, string, JsonObject?) Conflict() => ("409", "Not possible in the batch's state; the message says why", Json("#/components/schemas/ErrorResponse"));

    private static (string, string, JsonObject?) Unprocessable() => ("422", "Fields at fault, FastAPI style", Json("#/components/schemas/HTTPValidationError"));

    private static (string, string, JsonObject?) Upstream() => ("502", "ElevenLabs could not be asked about the agent or phone number", Json("#/components/schemas/ErrorResponse"));

    private static JsonObject Json(string schemaRef) => Content("application/json", Ref(schemaRef));

    private static JsonObject Content(string mediaType, JsonObject schema) => new() { [mediaType] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Ref(string schemaRef) => new() { ["$ref"] = schemaRef };

    private static JsonObject PathParameter(string name, string description) =>
        new() { ["name"] = name, ["in"] = "path", ["required"] = true, ["description"] = description, ["schema"] = Str() };

    private static JsonObject Query(string name, string description, JsonObject schema) =>
        new() { ["name"] = name, ["in"] = "query", ["required"] = false, ["description"] = description, ["schema"] = schema };

    private static JsonObject Header(string name, string description) =>
        new() { ["name"] = name, ["in"] = "header", ["required"] = false, ["description"] = description, ["schema"] = Str() };

    private static JsonObject Str() => new() { ["type"] = "string" };

    private static JsonObject Arr(JsonNode items) => new() { ["type"] = "array", ["items"] = items };

    private static JsonObject Obj(params (string Name, JsonNode Schema)[] properties)
    {
        var node = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            node[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = node, ["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Name)]) };
    }

    private static JsonObject SchemaOf<T>(string? without = null, string? required = null)
    {
        // Responses always write numbers as numbers; the Web defaults would document "string or integer".
        var options = new JsonSerializerOptions(ApiJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };
        var schema = options.GetJsonSchemaAsNode(typeof(T), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        if (without is not null)
        {
            schema["properties"]!.AsObject().Remove(without);
        }

        if (required is not null)
        {
            var list = schema["required"]?.AsArray() ?? (JsonArray)(schema["required"] = new JsonArray());
            list.Add(required);
            schema["properties"]![required] = schema["properties"]![required]!["type"] is JsonArray
                ? Arr(SchemaOf<BatchRecipientResponse>())
                : schema["properties"]![required]!.DeepClone();
        }

        return schema;
    }

    private static JsonObject SubmitBatchRequest()
    {
        var agentOverride = Obj(("first_message", Str()), ("language", Str()), ("prompt", Obj(("prompt", Str()))));
        var configOverride = Obj(("agent", agentOverride), ("tts", Obj(("voice_id", Str()))));
        foreach (var node in new[] { agentOverride, configOverride, (JsonObject)agentOverride["properties"]!["prompt"]!, (JsonObject)configOverride["properties"]!["tts"]! })
        {
            node.Remove("required");
        }

        var clientData = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["dynamic_variables"] = new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = new JsonObject { ["type"] = new JsonArray("string", "number", "boolean", "null") },
                },
                ["conversation_config_override"] = configOverride,
            },
        };
        var recipient = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("phone_number"),
            ["properties"] = new JsonObject
            {
                ["id"] = Str(),
                ["phone_number"] = new JsonObject { ["type"] = "string", ["description"] = "E.164, or national form for the deployment's Batch__DefaultRegion." },
                ["conversation_initiation_client_data"] = clientData,
                ["voicemail_message"] = VoicemailMessage("Ours: this recipient's message instead of the batch's."),
            },
        };
        var telephony = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["ringing_timeout_secs"] = new JsonObject { ["type"] = "integer", ["minimum"] = 5, ["maximum"] = 600 },
                ["twilio_call_recording_enabled"] = new JsonObject { ["type"] = "boolean" },
                ["twilio_machine_detection"] = Obj(("mode", new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("enable", "detect_message_end") })),
            },
        };
        return new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("call_name", "agent_id", "recipients"),
            ["properties"] = new JsonObject
            {
                ["call_name"] = Str(),
                ["agent_id"] = Str(),
                ["agent_phone_number_id"] = new JsonObject { ["type"] = "string", ["description"] = "Defaults to Batch__DefaultPhoneNumberId." },
                ["recipients"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = recipient },
                ["scheduled_time_unix"] = new JsonObject { ["type"] = "integer", ["description"] = "When dialing may start; absent = at once." },
                ["timezone"] = new JsonObject { ["type"] = "string", ["description"] = "IANA time zone, e.g. Europe/London." },
                ["telephony_call_config"] = telephony,
                ["target_concurrency_limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = SubmitRequestReader.MaxConcurrencyLimit },
                ["voicemail_message"] = VoicemailMessage(
                    "Ours: said after the beep when an answering machine answers (turns on detect_message_end detection); the recipient then ends voicemail, "
                    + "failure_reason voicemail_message_left. Absent: the agent takes the call, as without it."),
            },
        };
    }

    private static JsonObject VoicemailMessage(string description) =>
        new() { ["type"] = "string", ["minLength"] = 1, ["maxLength"] = VoicemailMessages.MaxLength, ["description"] = description };

    private static JsonObject UploadForm() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray(UploadedBatchReader.FileField),
        ["properties"] = new JsonObject
        {
            [UploadedBatchReader.FileField] = new JsonObject { ["type"] = "string", ["contentMediaType"] = "text/csv", ["description"] = "The recipient file (CSV; phone_number column required)." },
            ["call_name"] = Str(),
            ["agent_id"] = new JsonObject { ["type"] = "string", ["description"] = "Defaults to Batch__DefaultAgentId." },
            ["agent_phone_number_id"] = new JsonObject { ["type"] = "string", ["description"] = "Defaults to Batch__DefaultPhoneNumberId." },
            ["region"] = new JsonObject { ["type"] = "string", ["description"] = "Two-letter region for numbers without a country code." },
            ["target_concurrency_limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 },
            ["scheduled_time_unix"] = new JsonObject { ["type"] = "integer" },
            ["timezone"] = Str(),
            [BlobBatchSettings.VoicemailMessage] = VoicemailMessage("Ours: said after the beep when an answering machine answers; a voicemail_message column sets it per recipient."),
        },
    };
}
