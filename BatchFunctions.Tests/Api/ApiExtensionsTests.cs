using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BatchFunctions.Tests.Api;

public sealed class ApiExtensionsTests(ApiApp api) : IClassFixture<ApiApp>
{
    private MultipartFormDataContent Form(string csv, string fileName = "list.csv", Dictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string> { ["agent_id"] = api.AgentId, ["call_name"] = "Uploaded" })
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    [Fact]
    public async Task Upload_CsvWithBadRows_CreatesBatchOfTheGoodRowsAndReportsTheRest()
    {
        const string csv = "phone_number,name,first_message\n+14155550801,Ann,Hi Ann\nnot a number,Bob,\n(415) 555-0801,Ann again,\n+14155550802,Cy,\n";

        using var response = await api.Http.PostAsync("api/batch-calling/upload", Form(csv));

        var body = await ApiApp.JsonOf(response);
        Assert.Equal(200, (int)response.StatusCode);
        var batch = body.GetProperty("batch");
        var report = body.GetProperty("report");
        Assert.Equal(2, batch.GetProperty("total_calls_scheduled").GetInt32());
        Assert.Equal("Uploaded", batch.GetProperty("name").GetString());
        Assert.Equal("api:upload:list.csv", batch.GetProperty("source").GetString());
        Assert.Equal("accepted", report.GetProperty("status").GetString());
        Assert.Equal(2, report.GetProperty("recipients_accepted").GetInt32());
        Assert.Equal([3, 4], report.GetProperty("row_errors").EnumerateArray().Select(e => e.GetProperty("row_number").GetInt32()));
        Assert.Equal("csv", report.GetProperty("detected").GetProperty("format").GetString());
        Assert.Equal(["first_message"], report.GetProperty("override_columns").EnumerateArray().Select(e => e.GetString()));
        var detail = await ApiApp.JsonOf(await api.Http.GetAsync($"v1/convai/batch-calling/{batch.GetProperty("id").GetString()}"));
        Assert.Equal([2, 5], detail.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("row_number").GetInt32()));
    }

    [Theory]
    [InlineData("name,phone\nAnn,+14155550811\n", "list.csv", """["body","file"]""")]
    [InlineData("%PDF-1.7\n", "list.csv", """["body","file"]""")]
    [InlineData("phone_number\nnope\n", "list.csv", """["body","file"]""")]
    public async Task Upload_FileThatCannotBeABatch_422AtTheFile(string csv, string fileName, string loc)
    {
        using var response = await api.Http.PostAsync("api/batch-calling/upload", Form(csv, fileName));

        var locs = await ApiApp.LocsOf(response);
        Assert.Equal(loc, locs[0]);
    }

    [Fact]
    public async Task Upload_WithoutFile_422MissingFile()
    {
        using var form = new MultipartFormDataContent { { new StringContent(api.AgentId), "agent_id" } };

        using var response = await api.Http.PostAsync("api/batch-calling/upload", form);

        Assert.Equal(["""["body","file"]"""], await ApiApp.LocsOf(response));
    }

    [Fact]
    public async Task Validate_GoodFile_ReportsWhatWouldBeCalledAndCreatesNothing()
    {
        const string csv = "phone_number;name;language\n+14155550821;Ann;en\n+14155550821;Ann;en\n";

        using var response = await api.Http.PostAsync("api/batch-calling/validate", Form(csv, fields: new() { ["agent_id"] = api.AgentId }));

        var report = await ApiApp.JsonOf(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("rejected", report.GetProperty("status").GetString());
        Assert.Contains("language", report.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, report.GetProperty("rows_rejected").GetInt32());
        Assert.Equal(";", report.GetProperty("detected").GetProperty("delimiter").GetString());
        Assert.Equal(["name"], report.GetProperty("dynamic_variable_columns").EnumerateArray().Select(e => e.GetString()));

        using var good = await api.Http.PostAsync("api/batch-calling/validate", Form("phone_number,name\n+14155550822,Bo\n"));
        var goodReport = await ApiApp.JsonOf(good);
        Assert.Equal("accepted", goodReport.GetProperty("status").GetString());
        Assert.Equal("API agent", goodReport.GetProperty("agent_name").GetString());
        var list = await ApiApp.JsonOf(await api.Http.GetAsync($"v1/convai/batch-calling/workspace?agent_id={api.AgentId}"));
        Assert.DoesNotContain(list.GetProperty("batch_calls").EnumerateArray(), b => b.GetProperty("name").GetString() == "list");
    }

    [Fact]
    public async Task Validate_PhoneColumnFormField_NumbersReadFromThatColumn()
    {
        var fields = new Dictionary<string, string> { ["agent_id"] = api.AgentId, ["phone_column"] = "Mobile" };

        using var response = await api.Http.PostAsync("api/batch-calling/validate", Form("name,Mobile\nAnn,+14155550841\n", fields: fields));

        var report = await ApiApp.JsonOf(response);
        Assert.Equal(("accepted", 1), (report.GetProperty("status").GetString(), report.GetProperty("recipients_accepted").GetInt32()));
        Assert.Equal(["name"], report.GetProperty("dynamic_variable_columns").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Upload_PhoneColumnFormField_BatchCallsTheNumbersOfThatColumn()
    {
        var fields = new Dictionary<string, string> { ["agent_id"] = api.AgentId, ["call_name"] = "Mobiles", ["phone_column"] = " mobile " };

        using var response = await api.Http.PostAsync("api/batch-calling/upload", Form("name,Mobile\nAnn,+14155550842\n", fields: fields));

        var body = await ApiApp.JsonOf(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(1, body.GetProperty("batch").GetProperty("total_calls_scheduled").GetInt32());
        await api.WaitForStatusAsync(body.GetProperty("batch").GetProperty("id").GetString()!, "completed");
        Assert.Single(api.App.Simulator.Calls, c => c.To == "+14155550842");
    }

    [Fact]
    public async Task TestCall_OneRecipient_CallsThatNumberOnce()
    {
        using var response = await api.Http.PostAsJsonAsync("api/batch-calling/test-call", api.SubmitBody("+14155550831"));

        var batch = await ApiApp.JsonOf(response);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("api:test-call", batch.GetProperty("source").GetString());
        Assert.StartsWith("Test call: ", batch.GetProperty("name").GetString(), StringComparison.Ordinal);
        await api.WaitForStatusAsync(batch.GetProperty("id").GetString()!, "completed");
        Assert.Single(api.App.Simulator.Calls, c => c.To == "+14155550831");
    }

    [Fact]
    public async Task TestCall_TwoRecipients_422()
    {
        using var response = await api.Http.PostAsJsonAsync("api/batch-calling/test-call", api.SubmitBody("+14155550832", "+14155550833"));

        Assert.Equal(["""["body","recipients"]"""], await ApiApp.LocsOf(response));
    }

    [Fact]
    public async Task Template_Downloaded_IsACsvTheUploadAccepts()
    {
        using var response = await api.Http.GetAsync("api/batch-calling/template");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("phone_number,", csv, StringComparison.Ordinal);
        using var validate = await api.Http.PostAsync("api/batch-calling/validate", Form(csv, "template.csv"));
        Assert.Equal("accepted", (await ApiApp.JsonOf(validate)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_Served_IsTheDocument()
    {
        using var response = await api.Http.GetAsync("api/openapi.json");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("3.1.0", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("openapi").GetString());
    }
}
