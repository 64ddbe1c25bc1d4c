namespace IngestionBenchmark;

/// <summary>One timed read of one file, in its own process so that its peak memory is its own.</summary>
public sealed record Measurement(string Format, int Rows, string Mode, double Seconds, long PeakWorkingSetBytes, int Recipients)
{
    public double RowsPerSecond => Rows / Seconds;
}
