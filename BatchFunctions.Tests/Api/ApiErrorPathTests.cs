using System.Net.Http.Json;
using System.Text;

namespace BatchFunctions.Tests.Api;

public sealed class ApiErrorPathTests(ApiApp api) : IClassFixture<ApiApp>
{
    private const string Unknown = "btcal_000000000000000000000000";

    [Theory]
    [InlineData("{\"call_name\": \"x\", ")]
    [InlineData("")]
    public async Task Submit_MalformedJson_422JsonInvalid(string body)
    {
        using var response = await api.Http.PostAsync("v1/convai/batch-calling/submit", new StringContent(body, Encoding.UTF8, "application/json"));

        var detail = (await ApiApp.JsonOf(response)).GetProperty("detail")[0];
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("json_invalid", detail.GetProperty("type").GetString());
        Assert.Equal("body", detail.GetProperty("loc")[0].GetString());
    }

    [Fact]
    public async Task Submit_InvalidFields_422NamingEachFieldAndRecipient()
    {
        var body = new
        {
            agent_id = api.AgentId,
            agent_phone_number_id = Infrastructure.AppUnderTest.PhoneNumberId,
            timezone = "Mars/Olympus_Mons",
            target_concurrency_limit = 0,
            whatsapp_params = new { whatsapp_call_permission_request_template_name = "t" },
            recipients = new object[]
            {
                new { phone_number = "+14155550701" },
                new { phone_number = "12" },
                new { phone_number = "+1 (415) 555-0701" },
                new { },
                new { phone_number = "+14155550702", conversation_initiation_client_data = new { dynamic_variables = new { address = new { city = "x" } }, user_id = "u1" } },
                new { phone_number = "+14155550703", conversation_initiation_client_data = new { conversation_config_override = new { tts = new { speed = 1.2 } } } },
            },
        };

        using var response = await api.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", body);

        Assert.Equal(
            [
                """["body","call_name"]""",
                """["body","timezone"]""",
                """["body","target_concurrency_limit"]""",
                """["body","whatsapp_params"]""",
                """["body","recipients",1,"phone_number"]""",
                """["body","recipients",2,"phone_number"]""",
                """["body","recipients",3,"phone_number"]""",
                """["body","recipients",4,"conversation_initiation_client_data","dynamic_variables","address"]""",
                """["body","recipients",4,"conversation_initiation_client_data","user_id"]""",
                """["body","recipients",5,"conversation_initiation_client_data","conversation_config_override","tts","speed"]""",
            ],
            await ApiApp.LocsOf(response));
    }

    [Fact]
    public async Task Submit_DuplicateNumber_422SaysWhichRecipientItRepeats()
    {
        using var response = await api.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", api.SubmitBody("+14155550711", "(415) 555-0711"));

        var detail = (await ApiApp.JsonOf(response)).GetProperty("detail")[0];
        Assert.Equal("""["body","recipients",1,"phone_number"]""", detail.GetProperty("loc").GetRawText());
        Assert.Contains("duplicate of recipients[0]", detail.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownPhoneNumberId_422AtAgentPhoneNumberId()
    {
        using var response = await api.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", new
        {
            call_name = "x",
            agent_id = api.AgentId,
            agent_phone_number_id = "phnum_unknown",
            recipients = new[] { new { phone_number = "+14155550721" } },
        });

        Assert.Equal(["""["body","agent_phone_number_id"]"""], await ApiApp.LocsOf(response));
    }

    [Fact]
    public async Task Submit_VoicemailMessageTooLong_422AtTheBatchAndTheRecipientNamingTheLimit()
    {
        var tooLong = new string('a', 1001);
        using var response = await api.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", new
        {
            call_name = "x",
            agent_id = api.AgentId,
            voicemail_message = tooLong,
            recipients = new object[] { new { phone_number = "+14155550741" }, new { phone_number = "+14155550742", voicemail_message = tooLong } },
        });

        var detail = (await ApiApp.JsonOf(response)).GetProperty("detail").EnumerateArray().ToList();
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal(["""["body","voicemail_message"]""", """["body","recipients",1,"voicemail_message"]"""], detail.Select(d => d.GetProperty("loc").GetRawText()));
        Assert.All(detail, d => Assert.Contains("1,001 characters long; the limit is 1,000", d.GetProperty("msg").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Submit_VoicemailMessageWithEnableDetection_422AtVoicemailMessageSayingToUseDetectMessageEnd()
    {
        using var response = await api.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", new
        {
            call_name = "x",
            agent_id = api.AgentId,
            voicemail_message = "Please call us back.",
            telephony_call_config = new { twilio_machine_detection = new { mode = "enable" } },
            recipients = new[] { new { phone_number = "+14155550751" } },
        });

        var detail = (await ApiApp.JsonOf(response)).GetProperty("detail")[0];
        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("""["body","voicemail_message"]""", detail.GetProperty("loc").GetRawText());
        Assert.Contains("detect_message_end", detail.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_OverrideTheAgentForbids_422AtRecipientsNamingTheSetting()
    {
        using var response = await api.Http.PostAsJsonAsync("v1/convai/batch-calling/submit", new
        {
            call_name = "x",
            agent_id = api.AgentId,
            recipients = new[] { new { phone_number = "+14155550731", conversation_initiation_client_data = new { conversation_config_override = new { tts = new { voice_id = "v1" } } } } },
        });

        var detail = (await ApiApp.JsonOf(response)).GetProperty("detail")[0];
        Assert.Equal("""["body","recipients"]""", detail.GetProperty("loc").GetRawText());
        Assert.Contains("tts.voice_id", detail.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyTwice_OneBatch()
    {
        var key = Guid.NewGuid().ToString();
        using var first = new HttpRequestMessage(HttpMethod.Post, "v1/convai/batch-calling/submit") { Content = JsonContent.Create(api.SubmitBody("+14155550741")) };
        first.Headers.Add("Idempotency-Key", key);
        using var second = new HttpRequestMessage(HttpMethod.Post, "v1/convai/batch-calling/submit") { Content = JsonContent.Create(api.SubmitBody("+14155550741")) };
        second.Headers.Add("Idempotency-Key", key);

        var firstId = (await ApiApp.JsonOf(await api.Http.SendAsync(first))).GetProperty("id").GetString();
        var secondId = (await ApiApp.JsonOf(await api.Http.SendAsync(second))).GetProperty("id").GetString();

        Assert.Equal(firstId, secondId);
        await api.WaitForStatusAsync(firstId!, "completed");
        Assert.Single(api.App.Simulator.Calls, c => c.To == "+14155550741");
    }

    [Theory]
    [InlineData("limit=abc", """["query","limit"]""")]
    [InlineData("limit=0", """["query","limit"]""")]
    [InlineData("limit=101", """["query","limit"]""")]
    [InlineData("last_doc=not-a-cursor", """["query","last_doc"]""")]
    public async Task List_BadQuery_422InQuery(string query, string loc)
    {
        using var response = await api.Http.GetAsync($"v1/convai/batch-calling/workspace?{query}");

        Assert.Equal([loc], await ApiApp.LocsOf(response));
    }

    [Theory]
    [InlineData("GET", "v1/convai/batch-calling/" + Unknown)]
    [InlineData("DELETE", "v1/convai/batch-calling/" + Unknown)]
    [InlineData("GET", "v1/convai/batch-calling/" + Unknown + "/export")]
    [InlineData("POST", "v1/convai/batch-calling/" + Unknown + "/cancel")]
    [InlineData("POST", "v1/convai/batch-calling/" + Unknown + "/retry")]
    [InlineData("POST", "api/batch-calling/" + Unknown + "/pause")]
    [InlineData("POST", "api/batch-calling/" + Unknown + "/resume")]
    public async Task UnknownBatch_404(string method, string route)
    {
        using var response = await api.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), route));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("not_found", (await ApiApp.JsonOf(response)).GetProperty("detail").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Concurrency_UnknownBatch_404_AndBadBody_422()
    {
        using var unknown = await api.Http.PostAsJsonAsync($"api/batch-calling/{Unknown}/concurrency", new { target_concurrency_limit = 3 });
        using var zero = await api.Http.PostAsJsonAsync($"api/batch-calling/{Unknown}/concurrency", new { target_concurrency_limit = 0 });
        using var missing = await api.Http.PostAsJsonAsync($"api/batch-calling/{Unknown}/concurrency", new { });

        Assert.Equal(404, (int)unknown.StatusCode);
        Assert.Equal(["""["body","target_concurrency_limit"]"""], await ApiApp.LocsOf(zero));
        Assert.Equal(["""["body","target_concurrency_limit"]"""], await ApiApp.LocsOf(missing));
    }

    [Fact]
    public async Task StateConflicts_RetryRunning_CancelPauseFinished_409WithReason()
    {
        var running = await api.SubmitAsync([.. Enumerable.Range(0, 30).Select(i => $"+1415555{1800 + i}")]);
        var finished = await api.SubmitAsync("+14155550751");

        using var retry = await api.Http.PostAsync($"v1/convai/batch-calling/{running}/retry", null);
        await api.WaitForStatusAsync(finished, "completed");
        using var cancel = await api.Http.PostAsync($"v1/convai/batch-calling/{finished}/cancel", null);
        using var pause = await api.Http.PostAsync($"api/batch-calling/{finished}/pause", null);
        using var concurrency = await api.Http.PostAsJsonAsync($"api/batch-calling/{finished}/concurrency", new { target_concurrency_limit = 2 });

        foreach (var response in new[] { retry, cancel, pause, concurrency })
        {
            Assert.Equal(409, (int)response.StatusCode);
            var detail = (await ApiApp.JsonOf(response)).GetProperty("detail");
            Assert.Equal("conflict", detail.GetProperty("status").GetString());
            Assert.False(string.IsNullOrWhiteSpace(detail.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task PauseResumeConcurrency_RunningBatch_AcceptedWithTheBatch()
    {
        var running = await api.SubmitAsync([.. Enumerable.Range(0, 30).Select(i => $"+1415555{1900 + i}")]);

        using var pause = await api.Http.PostAsync($"api/batch-calling/{running}/pause", null);
        using var resume = await api.Http.PostAsync($"api/batch-calling/{running}/resume", null);
        using var concurrency = await api.Http.PostAsJsonAsync($"api/batch-calling/{running}/concurrency", new { target_concurrency_limit = 2 });
        using var cancel = await api.Http.PostAsync($"v1/convai/batch-calling/{running}/cancel?hang_up_live_calls=true", null);

        foreach (var response in new[] { pause, resume, concurrency, cancel })
        {
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal(running, (await ApiApp.JsonOf(response)).GetProperty("id").GetString());
        }
    }
}
