using System.Globalization;

namespace BatchFunctions.Benchmarks;

/// <param name="Clients">Concurrent clients, each sending one request after another.</param>
/// <param name="Recipients">Recipients of the large batch that GET reads.</param>
/// <param name="Batches">Batches in the workspace, for listing.</param>
/// <param name="Requests">Requests per scenario (bounded: the benchmark always stops by itself).</param>
/// <param name="Called">Recipients of the large batch that have a call record (dialed so far); all by default.</param>
public sealed record BenchmarkOptions(int Clients, int Recipients, int Batches, int Requests, int Called)
{
    public static BenchmarkOptions FromArgs(string[] args)
    {
        int Arg(string name, int fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var recipients = Arg("recipients", 10_000);
        return new BenchmarkOptions(Arg("clients", 50), recipients, Arg("batches", 300), Arg("requests", 500), Math.Min(recipients, Arg("called", recipients)));
    }
}
