using System.Globalization;
using BatchFunctions.Batches;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Api;

/// <summary>
/// Reads a multipart upload (a file plus the batch settings as form fields) exactly as a dropped blob
/// is read: the form fields are the blob metadata keys and go through <see cref="BlobBatchSettings"/>,
/// the file through the same reader and parser. <see cref="Parse"/> is the one place the file is read,
/// so the ingestion side's single file-validation entry point can replace it there.
/// </summary>
public sealed class UploadedBatchReader(IOptions<BatchDefaultsOptions> defaults, IOptions<IngestionOptions> limits)
{
    public const string FileField = "file";
    public const int MaxRowErrors = 100;

    /// <returns>The upload, or null with the fields at fault in <paramref name="issues"/>.</returns>
    public async Task<UploadedBatch?> ReadAsync(HttpRequest request, string source, List<ValidationIssue> issues, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            issues.Add(ValidationIssue.Missing(["body", FileField]));
            return null;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile(FileField) is not { } file)
        {
            issues.Add(ValidationIssue.Missing(["body", FileField]));
            return null;
        }

        var metadata = form.Where(field => field.Value.Count > 0).ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        BatchRequest settings;
        RecipientFileSettings fileSettings;
        try
        {
            (settings, fileSettings) = BlobBatchSettings.Read(metadata, defaults.Value, file.FileName);
        }
        catch (BatchRejectedException e)
        {
            issues.Add(ValidationIssue.Value(["body"], e.Message));
            return null;
        }

        DateTimeOffset? scheduledAt = null;
        if (metadata.TryGetValue("scheduled_time_unix", out var scheduledText))
        {
            if (long.TryParse(scheduledText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                scheduledAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            else
            {
                issues.Add(new ValidationIssue("int_parsing", ["body", "scheduled_time_unix"], "Input should be a valid integer, unable to parse string as an integer", scheduledText));
            }
        }

        metadata.TryGetValue("timezone", out var timezone);
        if (timezone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out _))
        {
            issues.Add(ValidationIssue.Value(["body", "timezone"], $"'{timezone}' is not an IANA time zone; use a name such as America/New_York or Europe/London.", timezone));
        }

        return issues.Count > 0
            ? null
            : new UploadedBatch(
                settings with { Source = $"{source}:{Path.GetFileName(file.FileName)}", ScheduledAt = scheduledAt ?? settings.ScheduledAt, Timezone = timezone ?? settings.Timezone },
                fileSettings,
                file);
    }

    /// <summary>Reads the upload exactly as a dropped file is read (CSV, XLS or XLSX, same limits).</summary>
    /// <exception cref="BatchRejectedException">The file as a whole cannot be read; the message says what to fix.</exception>
    public ParsedRecipientList Parse(UploadedBatch upload)
    {
        using var content = upload.File.OpenReadStream();
        return RecipientFileReader.Read(content, upload.Settings, limits.Value);
    }

    public static FileReport Report(UploadedBatch upload, ParsedRecipientList? list, string? reason, string? agentName) => new(
        reason is null ? UploadStatus.Accepted : UploadStatus.Rejected,
        reason,
        Path.GetFileName(upload.File.FileName),
        reason is null ? list?.Recipients.Count ?? 0 : 0,
        list?.RowErrors.Count ?? 0,
        list?.RowErrors.Take(MaxRowErrors).ToList() ?? [],
        list?.File,
        list?.OverrideColumns ?? [],
        list is null ? [] : BatchExportResult.ColumnsOf(list.Recipients).Variables,
        agentName);

    /// <summary>A refused upload in FastAPI's shape: the reason at the file, then each row left out at its row and column.</summary>
    public static IEnumerable<ValidationIssue> Issues(BatchRejectedException rejection, ParsedRecipientList? list)
    {
        yield return rejection.Setting is BatchSetting.AgentId or BatchSetting.PhoneNumberId or BatchSetting.VoicemailMessage
            ? ApiRequests.IssueFor(rejection)
            : ValidationIssue.Value(["body", FileField], rejection.Message);
        foreach (var row in list?.RowErrors.Take(MaxRowErrors) ?? [])
        {
            yield return ValidationIssue.Value(["body", FileField, row.RowNumber, row.Column], row.Message, row.Value);
        }
    }
}
