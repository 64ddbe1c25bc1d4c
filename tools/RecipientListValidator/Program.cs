using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using System.Text.Json;
using BatchFunctions.Api;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using Microsoft.Extensions.Configuration;
using RecipientListValidator;

const string Usage = """
    Usage:
      RecipientListValidator validate FILE [--region US] [--sheet NAME]
          Checks a recipient list (CSV, XLS or XLSX) exactly as the app does when the file is dropped
          into blob storage, and prints the result as JSON. Exit code 0: accepted; 1: rejected; 2: usage.
          Limits come from the app's settings names in the environment (Ingestion__MaxRows=...).
      RecipientListValidator template DIRECTORY
          Writes the recipient list templates (CSV and XLSX) into DIRECTORY.
    """;

try
{
    return args switch
    {
        ["validate", var file, .. var options] => Validate(file, options),
        ["template", var directory] => WriteTemplates(directory),
        _ => UsageError("Expected a command."),
    };
}
catch (UsageException e)
{
    return UsageError(e.Message);
}

static int Validate(string path, string[] options)
{
    var region = "US";
    string? sheet = null;
    for (var i = 0; i < options.Length; i++)
    {
        var value = i + 1 < options.Length ? options[i + 1] : throw new UsageException($"{options[i]} needs a value.");
        switch (options[i])
        {
            case "--region":
                region = value.Trim().ToUpperInvariant();
                break;
            case "--sheet":
                sheet = value;
                break;
            default:
                throw new UsageException($"Unknown option '{options[i]}'.");
        }

        i++;
    }

    if (region.Length != 2 || !region.All(char.IsAsciiLetterUpper))
    {
        throw new UsageException($"--region must be a two-letter region such as US or GB, not '{region}'.");
    }

    if (!File.Exists(path))
    {
        throw new UsageException($"No file '{path}'.");
    }

    using var list = ReadOrNull(path, region, sheet, Limits(), out var reason);
    return Report(path, list, reason);
}

static ParsedRecipientList? ReadOrNull(string path, string region, string? sheet, IngestionOptions limits, out string? reason)
{
    ParsedRecipientList? list = null;
    try
    {
        using var content = File.OpenRead(path);
        list = RecipientFileReader.Read(content, new RecipientFileSettings(region, sheet), limits);
        reason = list.Unusable;
    }
    catch (BatchRejectedException e)
    {
        reason = e.Message;
    }

    return list;
}

static int Report(string path, ParsedRecipientList? list, string? reason)
{
    var report = new ValidationReport(
        Path.GetFileName(path),
        reason is null,
        reason,
        list?.File,
        list?.Recipients.Count ?? 0,
        list?.RowsLeftOut ?? 0,
        list?.OverrideColumns ?? [],
        list?.Recipients.Select(r => new ValidatedRecipient(r.RowNumber, r.PhoneNumber, r.ClientData)) ?? [],
        list?.RowErrors ?? [],
        "The agent and phone number are checked only when the file is dropped: the agent must exist, allow the override columns listed, "
        + "and have no dynamic variable named phone_number.");
    using (var stdout = Console.OpenStandardOutput())
    {
        // Printed for people and scripts, not embedded in a page: + and ' need no escaping.
        var json = new JsonSerializerOptions(ApiJson.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        JsonSerializer.Serialize(stdout, report, json);
    }

    Console.Out.WriteLine();
    return report.Accepted ? 0 : 1;
}

static int WriteTemplates(string directory)
{
    Directory.CreateDirectory(directory);
    File.WriteAllBytes(Path.Combine(directory, RecipientTemplate.CsvFileName), RecipientTemplate.Csv());
    File.WriteAllBytes(Path.Combine(directory, RecipientTemplate.XlsxFileName), RecipientTemplate.Xlsx());
    Console.Out.WriteLine($"Wrote {RecipientTemplate.CsvFileName} and {RecipientTemplate.XlsxFileName} to {Path.GetFullPath(directory)}");
    return 0;
}

// The same setting names as the app (Ingestion__MaxRows and so on), so a deployment's limits can be checked against.
static IngestionOptions Limits()
{
    var limits = new IngestionOptions();
    new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(IngestionOptions.SectionName).Bind(limits);
    var problems = new List<ValidationResult>();
    if (!Validator.TryValidateObject(limits, new ValidationContext(limits), problems, validateAllProperties: true))
    {
        throw new UsageException(string.Join(" ", problems.Select(p => p.ErrorMessage)));
    }

    return limits;
}

int UsageError(string message)
{
    Console.Error.WriteLine(message);
    Console.Error.WriteLine(Usage);
    return 2;
}
