using System.Text.Json;
using BatchFunctions.Api;
using BatchFunctions.Options;

namespace BatchFunctions.Tests.Api;

public sealed class SubmitRequestReaderTests
{
    [Fact]
    public void Read_MoreRecipientsThanTheFileLimit_IssueNamingTheLimit()
    {
        var reader = Reader(new IngestionOptions { MaxRows = 2 });

        var batch = reader.Read(Body(Recipient("+14155551000"), Recipient("+14155551001"), Recipient("+14155551002")), "api", out var issues);

        Assert.Null(batch);
        var issue = Assert.Single(issues);
        Assert.Equal(("too_long", """["body","recipients"]"""), (issue.Type, JsonSerializer.Serialize(issue.Loc)));
        Assert.Contains("at most 2 items", issue.Msg, StringComparison.Ordinal);
        Assert.Contains("Ingestion__MaxRows", issue.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MoreDistinctFieldsThanTheColumnLimit_IssueNamingTheLimit()
    {
        var reader = Reader(new IngestionOptions { MaxColumns = 3 });

        var batch = reader.Read(Body(Recipient("+14155551000", ("a", "1"), ("b", "2")), Recipient("+14155551001", ("c", "3"))), "api", out var issues);

        Assert.Null(batch);
        var issue = Assert.Single(issues);
        Assert.Contains("4 distinct fields", issue.Msg, StringComparison.Ordinal);
        Assert.Contains("the limit is 3 (Ingestion__MaxColumns)", issue.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValuesLongerThanTheCellLimit_IssueAtEachValueNamingTheLimit()
    {
        var reader = Reader(new IngestionOptions { MaxCellCharacters = 10 });
        var recipient = new
        {
            phone_number = "+14155551000",
            id = "an id far too long",
            conversation_initiation_client_data = new
            {
                dynamic_variables = new { name = "Ann", note = "a note longer than ten" },
                conversation_config_override = new { agent = new { first_message = "Hello there, Ann" } },
            },
        };

        var batch = reader.Read(Body(recipient), "api", out var issues);

        Assert.Null(batch);
        Assert.Equal(
            [
                """["body","recipients",0,"id"]""",
                """["body","recipients",0,"conversation_initiation_client_data","dynamic_variables","note"]""",
                """["body","recipients",0,"conversation_initiation_client_data","conversation_config_override","agent","first_message"]""",
            ],
            issues.Select(i => JsonSerializer.Serialize(i.Loc)));
        Assert.All(issues, i => Assert.Contains("at most 10 characters", i.Msg, StringComparison.Ordinal));
        Assert.All(issues, i => Assert.Contains("Ingestion__MaxCellCharacters", i.Msg, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_RecipientTooLargeForATableEntity_IssueAtTheRecipientNamingTheLimit()
    {
        var reader = Reader(new IngestionOptions());
        var text = new string('x', 9_000);

        var batch = reader.Read(Body(Recipient("+14155551000", ("a", text), ("b", text), ("c", text), ("d", text)), Recipient("+14155551001")), "api", out var issues);

        Assert.Null(batch);
        var issue = Assert.Single(issues);
        Assert.Equal("""["body","recipients",0]""", JsonSerializer.Serialize(issue.Loc));
        Assert.Contains("at most 64 KiB per recipient", issue.Msg, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WithinEveryLimit_Batch()
    {
        var reader = Reader(new IngestionOptions { MaxRows = 2, MaxColumns = 3, MaxCellCharacters = 10 });

        var batch = reader.Read(Body(Recipient("+14155551000", ("a", "1234567890"), ("b", "2")), Recipient("+14155551001")), "api", out var issues);

        Assert.Empty(issues);
        Assert.Equal(2, batch!.Recipients.Recipients.Count);
    }

    private static SubmitRequestReader Reader(IngestionOptions limits) =>
        new(Microsoft.Extensions.Options.Options.Create(new BatchDefaultsOptions { DefaultPhoneNumberId = "phnum_1" }), Microsoft.Extensions.Options.Options.Create(limits));

    private static object Recipient(string phone, params (string Name, string Value)[] variables) => new
    {
        phone_number = phone,
        conversation_initiation_client_data = new { dynamic_variables = variables.ToDictionary(v => v.Name, v => v.Value) },
    };

    private static JsonElement Body(params object[] recipients) =>
        JsonSerializer.SerializeToElement(new { call_name = "Limits", agent_id = "agent_1", recipients });
}
