using System.Collections;
using System.Text.Json;
using BatchFunctions.Domain;

namespace BatchFunctions.Ingestion;

/// <summary>
/// The accepted recipients of a file, in order, each kept as its JSON and read back on demand. The first
/// megabyte stays in memory, which is all of most lists; the rest goes to a temporary file, so validating a
/// million-row list takes about as much memory as a hundred-thousand-row one.
/// </summary>
/// <remarks>
/// Recipients arrive as JSON written by the threads that check the rows (<see cref="RecipientListParser"/>):
/// a recipient object per row, with its dictionary and a JSON value per cell, cost more to build and to
/// collect than the whole rest of a row's checks, and serialising them here would run on the one thread
/// that takes rows in file order. A recipient's position is its index, so the JSON needs none.
/// </remarks>
public sealed class RecipientSpool : IReadOnlyList<Recipient>, IDisposable
{
    private const int KeptInMemoryBytes = 1024 * 1024;

    // Where each recipient starts, in 4 bytes rather than a long's 8 (and without a List<long>'s copies as it grows, on the
    // large object heap): per run of 1,024 recipients, the run's start and each recipient's start within the run.
    private const int RunBits = 10;
    private const int RunLength = 1 << RunBits;
    private const int RunMask = RunLength - 1;

    /// <summary>
    /// The longest recipient taken, about 2 MiB, so that a run of the longest still has its starts within an int. Table storage
    /// holds at most 64 KiB a recipient (<see cref="StoredRecipientSize"/>), so no recipient that could be stored is refused.
    /// </summary>
    public const int MaxRecipientBytes = int.MaxValue / RunLength;

    private readonly List<long> runStarts = [];
    private readonly List<int[]> startsInRun = [];
    private readonly Lock flushing = new();
    private byte[] head = new byte[4096];
    private int headLength;
    private FileStream? file;
    private long fileLength;
    private bool flushed = true;

    public int Count { get; private set; }

    public Recipient this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var start = Start(index);
            var end = index + 1 < Count ? Start(index + 1) : headLength + fileLength;
            var recipient = start < headLength
                ? JsonSerializer.Deserialize<Recipient>(head.AsSpan((int)start, (int)(end - start)))
                : JsonSerializer.Deserialize<Recipient>(ReadFromFile(start - headLength, (int)(end - start)));
            return (recipient ?? throw new InvalidDataException($"Spooled recipient {index} is missing.")) with { Index = index };
        }
    }

    public void Add(Recipient recipient) => Add(JsonSerializer.SerializeToUtf8Bytes(recipient));

    /// <param name="json">A recipient as JSON; its index, if any, is replaced by its position.</param>
    public void Add(ReadOnlySpan<byte> json)
    {
        if (json.Length > MaxRecipientBytes)
        {
            throw new ArgumentException($"A recipient of {json.Length} bytes is longer than a spool takes ({MaxRecipientBytes}).", nameof(json));
        }

        if (file is null && headLength + json.Length <= KeptInMemoryBytes)
        {
            if (headLength + json.Length > head.Length)
            {
                Array.Resize(ref head, Math.Min(KeptInMemoryBytes, Math.Max(2 * head.Length, headLength + json.Length)));
            }

            AddStart(headLength);
            json.CopyTo(head.AsSpan(headLength));
            headLength += json.Length;
            return;
        }

        file ??= new FileStream(
            Path.Combine(Path.GetTempPath(), "recipients-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        file.Write(json);
        AddStart(headLength + fileLength);
        fileLength += json.Length;
        flushed = false;
    }

    public IEnumerator<Recipient> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private long Start(int index) => runStarts[index >> RunBits] + startsInRun[index >> RunBits][index & RunMask];

    private void AddStart(long start)
    {
        if ((Count & RunMask) == 0)
        {
            runStarts.Add(start);
            startsInRun.Add(new int[RunLength]);
        }

        // At most 1,023 recipients of at most MaxRecipientBytes before it in its run: within an int.
        startsInRun[^1][Count & RunMask] = (int)(start - runStarts[^1]);
        Count++;
    }

    public void Dispose() => file?.Dispose();

    private byte[] ReadFromFile(long offset, int length)
    {
        lock (flushing)
        {
            if (!flushed)
            {
                file!.Flush();
                flushed = true;
            }
        }

        // Positional reads: enumerations and look-ups may run side by side.
        var json = new byte[length];
        RandomAccess.Read(file!.SafeFileHandle, json, offset);
        return json;
    }
}
