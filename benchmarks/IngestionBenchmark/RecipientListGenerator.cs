using System.Globalization;
using BatchFunctions.Ingestion;
using CsvHelper;

namespace IngestionBenchmark;

/// <summary>Writes lists shaped like real ones: valid distinct US numbers, a name, a plan, a balance and a time zone.</summary>
public static class RecipientListGenerator
{
    private static readonly string[] Header = ["phone_number", "name", "plan", "balance", "timezone"];
    private static readonly string[] Plans = ["gold", "silver", "bronze"];
    private static readonly string[] Zones = ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"];

    public static void WriteCsv(string path, int rows)
    {
        using var csv = CsvWriter.Create(File.Create(path), new CsvWriterOptions(), leaveOpen: false);
        foreach (var row in Rows(rows))
        {
            csv.WriteRecord([.. row]);
        }
    }

    public static void WriteXlsx(string path, int rows)
    {
        using var file = File.Create(path);
        SimpleXlsxWriter.Write(file, "Recipients", Rows(rows), Header.Length, new HashSet<int> { 0 });
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(int count)
    {
        yield return Header;
        for (var i = 0; i < count; i++)
        {
            // Exchange 200-999 and a 4-digit line: 8 million distinct, valid numbers in area code 415.
            var number = $"+1415{200 + (i / 10_000):D3}{i % 10_000:D4}";
            yield return
            [
                i % 3 == 0 ? $"({number[2..5]}) {number[5..8]}-{number[8..]}" : number,
                $"Customer {i.ToString(CultureInfo.InvariantCulture)}",
                Plans[i % Plans.Length],
                (i % 1000 / 10.0).ToString(CultureInfo.InvariantCulture),
                Zones[i % Zones.Length],
            ];
        }
    }
}
