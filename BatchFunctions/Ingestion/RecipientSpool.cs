using System.Buffers.Binary;
using System.Collections;
using System.Text.Json;
using BatchFunctions.Domain;

namespace BatchFunctions.Ingestion;

/// <summary>
/// The accepted recipients of a file, in order. The first ten thousand stay in memory, which is all of
/// most lists; the rest go to a temporary file as JSON and are read back on demand, so validating a
/// million-row list takes about as much memory as a hundred-thousand-row one.
/// </summary>
public sealed class RecipientSpool : IReadOnlyList<Recipient>, IDisposable
{
    private const int KeptInMemory = 10_000;

    private readonly List<Recipient> head = [];
    private readonly List<long> offsets = [];
    private readonly Lock flushing = new();
    private FileStream? file;
    private long length;
    private bool flushed = true;

    public int Count => head.Count + offsets.Count;

    public Recipient this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return index < head.Count ? head[index] : Read(offsets[index - head.Count]);
        }
    }

    public void Add(Recipient recipient)
    {
        if (head.Count < KeptInMemory)
        {
            head.Add(recipient);
            return;
        }

        file ??= new FileStream(
            Path.Combine(Path.GetTempPath(), "recipients-" + Path.GetRandomFileName()),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        var json = JsonSerializer.SerializeToUtf8Bytes(recipient);
        Span<byte> prefix = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(prefix, json.Length);
        file.Write(prefix);
        file.Write(json);
        offsets.Add(length);
        length += prefix.Length + json.Length;
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

    public void Dispose() => file?.Dispose();

    private Recipient Read(long offset)
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
        Span<byte> prefix = stackalloc byte[sizeof(int)];
        RandomAccess.Read(file!.SafeFileHandle, prefix, offset);
        var json = new byte[BinaryPrimitives.ReadInt32LittleEndian(prefix)];
        RandomAccess.Read(file.SafeFileHandle, json, offset + prefix.Length);
        return JsonSerializer.Deserialize<Recipient>(json)
            ?? throw new InvalidDataException($"The recipient spooled at byte {offset} is missing.");
    }
}
