using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using BatchFunctions.Ingestion;
using BatchFunctions.Options;
using BatchFunctions.Scheduling;
using BatchFunctions.Storage;
using CsvHelper;
using ExcelDataReader;
using IngestionBenchmark;

// Usage: IngestionBenchmark [--sizes 10000,100000,1000000] [--formats csv,xlsx] [--dir DIR] [--ingest-only] [--ingest-runs 2] [--skip-old-layout]
//        Set BATCH_TEST_STORAGE (an Azurite connection string) to also time a 100k-row ingest into storage.
// Internal: IngestionBenchmark measure FILE FORMAT ROWS bare|phones|validate warm|cold (one measurement, printed as JSON).
// "phones" is the bare read plus phone normalisation alone: the profile of where validation's time goes.
// "warm" is the median of three runs after a first one, as in a worker that has ingested files before; "cold" is
// one run, for its peak memory.
if (args is ["measure", var measuredFile, var measuredFormat, var rowText, var mode, var temperature])
{
    var rows = int.Parse(rowText, CultureInfo.InvariantCulture);
    if (temperature == "warm")
    {
        Run(measuredFile);
        Thread.Sleep(500); // lets tiered compilation swap in the optimised code
    }

    var times = new List<double>();
    var recipients = 0;
    for (var run = 0; run < (temperature == "warm" ? 3 : 1); run++)
    {
        var watch = Stopwatch.StartNew();
        recipients = Run(measuredFile);
        times.Add(watch.Elapsed.TotalSeconds);
    }

    var median = times.Order().ElementAt(times.Count / 2);
    Console.WriteLine(JsonSerializer.Serialize(new Measurement(measuredFormat, rows, mode, median, Process.GetCurrentProcess().PeakWorkingSet64, recipients)));
    return 0;

    int Run(string file) => mode == "validate" ? Validate(file) : BareRead(file, measuredFormat, normalizePhones: mode == "phones");
}

var sizes = Option("--sizes", "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var formats = Option("--formats", "csv,xlsx").Split(',');
var directory = Directory.CreateDirectory(Option("--dir", Path.Combine(Path.GetTempPath(), "ingestion-benchmark"))).FullName;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, load average {LoadAverage()} at the start (the machine may be shared)."));
Console.WriteLine("Speeds: median of three runs in one process after a warm-up run. Peak memory: the peak working set of a process that runs once.");
Console.WriteLine("Profile: 'bare + phones' is the bare read plus phone normalisation alone; 'phones' is that extra time as a share of validation's.\n");
Console.WriteLine("| format | rows | file | bare read rows/s | bare + phones rows/s | validation rows/s | ratio | phones | bare peak MiB | validation peak MiB |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var format in args.Contains("--ingest-only") ? [] : formats)
{
    foreach (var size in sizes)
    {
        var path = Generate(format, size);
        var bare = Measure(path, format, size, "bare", "warm");
        var phones = Measure(path, format, size, "phones", "warm");
        var validation = Measure(path, format, size, "validate", "warm");
        var bareMemory = Measure(path, format, size, "bare", "cold").PeakWorkingSetBytes;
        var validationMemory = Measure(path, format, size, "validate", "cold").PeakWorkingSetBytes;
        if (validation.Recipients != size)
        {
            throw new InvalidOperationException($"{path}: {validation.Recipients} of {size} rows accepted.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {format} | {size:N0} | {new FileInfo(path).Length / 1048576.0:N1} MiB | {bare.RowsPerSecond:N0} | {phones.RowsPerSecond:N0} | {validation.RowsPerSecond:N0} | 1/{bare.RowsPerSecond / validation.RowsPerSecond:N1} | {(phones.Seconds - bare.Seconds) / validation.Seconds:P0} | {bareMemory / 1048576.0:N0} | {validationMemory / 1048576.0:N0} |"));
    }
}

if (Environment.GetEnvironmentVariable("BATCH_TEST_STORAGE") is { Length: > 0 } storage)
{
    Generate("csv", 100_000);
    await IngestIntoStorageAsync(storage, directory, 100_000, int.Parse(Option("--ingest-runs", "2"), CultureInfo.InvariantCulture));
}

return 0;

string Generate(string format, int rows)
{
    var path = Path.Combine(directory, $"recipients-{rows}.{format}");
    if (!File.Exists(path))
    {
        if (format == "csv")
        {
            RecipientListGenerator.WriteCsv(path, rows);
        }
        else
        {
            RecipientListGenerator.WriteXlsx(path, rows);
        }
    }

    return path;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

static Measurement Measure(string path, string format, int rows, string mode, string temperature)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
    foreach (var argument in new[] { typeof(Measurement).Assembly.Location, "measure", path, format, rows.ToString(CultureInfo.InvariantCulture), mode, temperature })
    {
        start.ArgumentList.Add(argument);
    }

    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    return child.ExitCode == 0
        ? JsonSerializer.Deserialize<Measurement>(output)!
        : throw new InvalidOperationException($"measure {path} {mode} failed ({child.ExitCode}).");
}

// What a reader has to do at least: every cell of every row, as a string (CSV) or a value (XLSX).
static int BareRead(string path, string format, bool normalizePhones)
{
    var rows = 0;
    if (format == "csv")
    {
        using var csv = CsvReader.FromFile(path);
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                var field = csv.GetString(i);
                if (normalizePhones && i == 0)
                {
                    PhoneNumberNormalizer.Normalize(field, "US", out _);
                }
            }

            rows++;
        }

        return rows;
    }

    // ExcelReaderConfiguration's constructor looks up code page 1252 even for XLSX.
    System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    using var stream = File.OpenRead(path);
    using var excel = ExcelReaderFactory.CreateReader(stream);
    excel.Read(); // header
    while (excel.Read())
    {
        for (var i = 0; i < excel.FieldCount; i++)
        {
            var value = excel.GetValue(i);
            if (normalizePhones && i == 0)
            {
                PhoneNumberNormalizer.Normalize((string)value, "US", out _);
            }
        }

        rows++;
    }

    return rows;
}

static int Validate(string path)
{
    using var stream = File.OpenRead(path);
    using var list = RecipientFileReader.Read(stream, new RecipientFileSettings("US"), new IngestionOptions());
    return list.Recipients.Count;
}

// The blob trigger's work for one file: read it from blob storage, validate it, store every recipient with its time zones as
// BatchLauncher does. Repeated to show the spread on a shared machine. The layout before blocks (one entity per recipient, 100 per
// transaction, 8 in flight) is timed once beside it on the same Azurite, as today's figure.
static async Task IngestIntoStorageAsync(string connectionString, string directory, int rows, int runs)
{
    var path = Path.Combine(directory, $"recipients-{rows}.csv");
    var container = new BlobServiceClient(connectionString).GetBlobContainerClient("benchmark");
    await container.CreateIfNotExistsAsync();
    var blob = container.GetBlobClient($"{Guid.NewGuid():N}.csv");
    await blob.UploadAsync(path);
    var tables = new TableServiceClient(connectionString);
    await tables.GetTableClient(StorageNames.RecipientsTable).CreateIfNotExistsAsync();

    ParsedRecipientList? list = null;
    var validated = TimeSpan.Zero;
    for (var run = 1; run <= runs; run++)
    {
        list?.Dispose();
        var load = LoadAverage();
        var watch = Stopwatch.StartNew();
        await using (var content = await blob.OpenReadAsync())
        {
            list = RecipientFileReader.Read(content, new RecipientFileSettings("US"), new IngestionOptions());
        }

        validated = watch.Elapsed;
        await new RecipientStore(tables).SaveAsync($"bench{Guid.NewGuid():N}", RecipientTimeZones.Locate(list.Recipients, "UTC"), CancellationToken.None);
        var stored = watch.Elapsed - validated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nIngest {run} of {rows:N0} rows from blob storage into the Recipients table ({Environment.ProcessorCount} cores, load average {load}): read and validated in {validated.TotalSeconds:N1} s, "
            + $"stored in {stored.TotalSeconds:N1} s, drop to stored {(validated + stored).TotalSeconds:N1} s, {rows / (validated + stored).TotalSeconds:N0} rows/s overall "
            + $"({52 / (validated + stored).TotalSeconds:N1}x faster than Nov 2026's 52 s)."));
    }

    if (!Environment.GetCommandLineArgs().Contains("--skip-old-layout"))
    {
        var oneEntityEach = Stopwatch.StartNew();
        await SaveOneEntityPerRecipientAsync(tables, $"bench{Guid.NewGuid():N}", RecipientTimeZones.Locate(list!.Recipients, "UTC"));
        oneEntityEach.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Today's layout (one entity per recipient) on the same Azurite: stored in {oneEntityEach.Elapsed.TotalSeconds:N1} s, drop to stored {(validated + oneEntityEach.Elapsed).TotalSeconds:N1} s "
            + $"(load average {LoadAverage()} after). Nov 2026 figure: validated in 5.6 s, stored in 52 s."));
    }

    list!.Dispose();
}

static async Task SaveOneEntityPerRecipientAsync(TableServiceClient tables, string batchId, IEnumerable<BatchFunctions.Domain.Recipient> recipients)
{
    var table = tables.GetTableClient(StorageNames.RecipientsTable);
    var transactions = recipients.Chunk(100).Select(chunk => chunk.Select(r => new TableTransactionAction(
        TableTransactionActionType.UpsertReplace,
        new TableEntity(batchId, r.Index.ToString("D7", CultureInfo.InvariantCulture))
        {
            ["RowNumber"] = r.RowNumber,
            ["PhoneNumber"] = r.PhoneNumber,
            ["ClientData"] = JsonSerializer.Serialize(r.ClientData),
            ["RecipientId"] = r.Id,
            ["TimeZones"] = string.Join(',', r.TimeZones),
        })).ToList());
    await Parallel.ForEachAsync(transactions, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (actions, ct) => await table.SubmitTransactionAsync(actions, ct));
}
