using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Tools;

/// <summary>The validator as operators run it: the built tool, as a process, on files on disk.</summary>
public sealed class RecipientListValidatorTests
{
    [Fact]
    public async Task Validate_CsvWithOneBadRow_AcceptedWithRecipientsAndRowErrorsAsJson()
    {
        var file = await WriteAsync("list.csv", Encoding.UTF8.GetBytes("phone_number;name;zip\n(415) 555-1000;Ann;02134\n1.55512E+10;Bob;10001\n"));

        var (exitCode, output, _) = await RunAsync("validate", file, "--region", "us");

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.True(report.GetProperty("accepted").GetBoolean());
        Assert.Equal(("csv", ";", "utf-8"), (Text(report, "detected", "format"), Text(report, "detected", "delimiter"), Text(report, "detected", "encoding")));
        Assert.Equal((1, 1), (report.GetProperty("recipients_accepted").GetInt32(), report.GetProperty("rows_rejected").GetInt32()));
        var recipient = report.GetProperty("recipients").EnumerateArray().Single();
        Assert.Equal(("+14155551000", 2), (recipient.GetProperty("phone_number").GetString(), recipient.GetProperty("row_number").GetInt32()));
        Assert.Equal("02134", recipient.GetProperty("conversation_initiation_client_data").GetProperty("dynamic_variables").GetProperty("zip").GetString());
        var error = report.GetProperty("row_errors").EnumerateArray().Single();
        Assert.Equal((3, "phone_number", "1.55512E+10"), (error.GetProperty("row_number").GetInt32(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString()));
        Assert.Contains("\"+14155551000\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_XlsxWithSheetOption_ReadsThatSheet()
    {
        var workbook = await Workbooks.WriteAsync(Workbooks.SheetJs, "xlsx",
            new Sheet("Notes", [["x"]]),
            new Sheet("Calls", [["phone_number", "vip"], [7400123456d, true]]));
        var file = await WriteAsync("list.xlsx", workbook);

        var (exitCode, output, _) = await RunAsync("validate", file, "--sheet", "Calls", "--region", "GB");

        Assert.Equal(0, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(("xlsx", "Calls"), (Text(report, "detected", "format"), Text(report, "detected", "sheet")));
        var recipient = report.GetProperty("recipients").EnumerateArray().Single();
        Assert.Equal("+447400123456", recipient.GetProperty("phone_number").GetString());
        Assert.True(recipient.GetProperty("conversation_initiation_client_data").GetProperty("dynamic_variables").GetProperty("vip").GetBoolean());
    }

    [Fact]
    public async Task Validate_FileWithoutPhoneColumn_RejectedWithReasonAndExitCode1()
    {
        var file = await WriteAsync("list.csv", Encoding.UTF8.GetBytes("Mobile,name\n+14155551000,Ann\n"));

        var (exitCode, output, _) = await RunAsync("validate", file);

        Assert.Equal(1, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.False(report.GetProperty("accepted").GetBoolean());
        Assert.Contains("Did you mean 'Mobile'?", report.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("detected").ValueKind);
    }

    [Fact]
    public async Task Validate_NoRowCallable_RejectedWithTheRowErrorsAndExitCode1()
    {
        var file = await WriteAsync("list.csv", Encoding.UTF8.GetBytes("phone_number\nnope\n"));

        var (exitCode, output, _) = await RunAsync("validate", file);

        Assert.Equal(1, exitCode);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("None of the 1 rows can be called; see the row errors.", report.GetProperty("reason").GetString());
        Assert.Single(report.GetProperty("row_errors").EnumerateArray());
    }

    [Fact]
    public async Task Validate_LimitFromEnvironment_AppliedAsInTheApp()
    {
        var file = await WriteAsync("list.csv", Encoding.UTF8.GetBytes("phone_number\n+14155551000\n+14155551001\n"));

        var (exitCode, output, _) = await RunAsync(new Dictionary<string, string> { ["Ingestion__MaxRows"] = "1" }, "validate", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("(Ingestion__MaxRows)", JsonDocument.Parse(output).RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("validate", "missing-file.csv")]
    [InlineData("check", "list.csv")]
    [InlineData("validate", "list.csv", "--region", "USA")]
    [InlineData("validate", "list.csv", "--sheet")]
    public async Task Validate_BadCommandLine_UsageOnStandardErrorAndExitCode2(params string[] arguments)
    {
        var file = await WriteAsync("list.csv", Encoding.UTF8.GetBytes("phone_number\n+14155551000\n"));

        var (exitCode, output, error) = await RunAsync([.. arguments.Select(a => a == "list.csv" ? file : a)]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_Directory_WritesBothTemplatesThatValidate()
    {
        var directory = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var (exitCode, _, _) = await RunAsync("template", directory);
        var (csvExit, _, _) = await RunAsync("validate", Path.Combine(directory, "recipients-template.csv"));
        var (xlsxExit, xlsxOutput, _) = await RunAsync("validate", Path.Combine(directory, "recipients-template.xlsx"));

        Assert.Equal((0, 0, 0), (exitCode, csvExit, xlsxExit));
        Assert.Equal(2, JsonDocument.Parse(xlsxOutput).RootElement.GetProperty("recipients_accepted").GetInt32());
    }

    private static string? Text(JsonElement element, params string[] path) =>
        path.Aggregate(element, (e, name) => e.GetProperty(name)).GetString();

    private static async Task<string> WriteAsync(string name, byte[] content)
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")));
        var path = Path.Combine(directory.FullName, name);
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), arguments);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var output = typeof(RecipientListValidatorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RecipientListValidatorOutput").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(output, "RecipientListValidator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var tool = Process.Start(start)!;
        var stdout = tool.StandardOutput.ReadToEndAsync();
        var stderr = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (tool.ExitCode, await stdout, await stderr);
    }
}
