using System.Numerics;

namespace BatchFunctions.Ingestion;

/// <summary>
/// The duplicate check of a recipient list: every accepted number, with the row it was first seen on, in 16 to 24
/// bytes a number (16 at a million). A <c>Dictionary&lt;long, int&gt;</c> took 28 bytes a slot at 1.4 slots a number
/// (39 at a million) and copied itself whole on each growth, on the large object heap; it was most of what validation's
/// peak memory grew by between 100k and 1M rows, against issue 14's bound of 1.5 times.
/// </summary>
/// <remarks>
/// Numbers sit in order of arrival in small chunks (never copied, never on the large object heap); open-addressing
/// tables of int slots, at most half full, point into them. Only slot tables are rebuilt as they grow. Rows come in file
/// order, so the first rows are kept as runs of consecutive rows: one run for a clean list, and a run (8 bytes) for each
/// gap, that is for rows left out, each of which costs far more as its row error.
/// A number is an E.164 number's digits: at most 15, so it fits a long, and never 0 (no country code starts with 0).
/// </remarks>
internal sealed class FirstRowByNumber
{
    // 8,192 longs are 64 KiB, under the 85,000 bytes from which an array goes to the large object heap.
    private const int ChunkBits = 13;
    private const int ChunkLength = 1 << ChunkBits;
    private const int ChunkMask = ChunkLength - 1;

    // The slots are split by the top bits of a number's hash into 1,024 small tables, each grown on its own: at a million
    // numbers each is about 8 KiB. One table of 8 MiB peaked 4-6 MiB higher at 1M rows (measured), likely because it lived on
    // the large object heap, where each growth left the table before as free space too small for the next.
    private const int PartitionBits = 10;
    private const int InitialPartitionSlots = 8;
    private const ulong GoldenRatioMultiplier = 0x9E3779B97F4A7C15UL;

    private readonly List<long[]> numbers = [];

    // Run i: the numbers from position runStarts[i] on were first seen on consecutive rows from runFirstRows[i] on.
    private readonly List<int> runStarts = [];
    private readonly List<int> runFirstRows = [];
    private int lastRowAdded;

    /// <summary>Each slot holds a number's position in arrival order plus one; 0 is a free slot. Allocated on first use.</summary>
    private readonly int[]?[] partitionSlots = new int[1 << PartitionBits][];
    private readonly int[] partitionCounts = new int[1 << PartitionBits];

    public int Count { get; private set; }

    /// <summary>Records <paramref name="number"/> as first seen on <paramref name="row"/>, unless it was seen before.</summary>
    /// <param name="row">After every row added before: rows are taken in file order.</param>
    /// <param name="firstRow">When the number was seen before: the row it was first seen on, which stays its first row.</param>
    /// <returns>True when the number is new.</returns>
    public bool TryAdd(long number, int row, out int firstRow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        var hash = Hash(number);
        var partition = (int)(hash >> (64 - PartitionBits));
        var slots = partitionSlots[partition] ??= new int[InitialPartitionSlots];
        var mask = slots.Length - 1;
        var slot = Home(hash, slots.Length);
        while (slots[slot] is var taken and > 0)
        {
            var position = taken - 1;
            if (numbers[position >> ChunkBits][position & ChunkMask] == number)
            {
                firstRow = RowOf(position);
                return false;
            }

            slot = (slot + 1) & mask;
        }

        if (Count > 0 && row <= lastRowAdded)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Rows are added in file order; the last added was row {lastRowAdded}.");
        }

        var added = Count;
        if ((added & ChunkMask) == 0)
        {
            numbers.Add(new long[ChunkLength]);
        }

        numbers[added >> ChunkBits][added & ChunkMask] = number;
        if (added == 0 || row != lastRowAdded + 1)
        {
            runStarts.Add(added);
            runFirstRows.Add(row);
        }

        lastRowAdded = row;
        Count = added + 1;

        // Kept at most half full, so a probe for a number not yet seen (the common case) ends after a slot or two.
        if (2 * ++partitionCounts[partition] > slots.Length)
        {
            Grow(partition);
        }
        else
        {
            slots[slot] = Count;
        }

        firstRow = row;
        return true;
    }

    private int RowOf(int position)
    {
        var run = runStarts.BinarySearch(position);
        run = run >= 0 ? run : ~run - 1;
        return runFirstRows[run] + (position - runStarts[run]);
    }

    /// <summary>Doubles a partition's slots, placing again its numbers and then the one just added.</summary>
    private void Grow(int partition)
    {
        var old = partitionSlots[partition]!;
        var slots = new int[2 * old.Length];
        foreach (var taken in old)
        {
            if (taken != 0)
            {
                Place(slots, taken);
            }
        }

        Place(slots, Count);
        partitionSlots[partition] = slots;
    }

    private void Place(int[] slots, int taken)
    {
        var position = taken - 1;
        var mask = slots.Length - 1;
        var slot = Home(Hash(numbers[position >> ChunkBits][position & ChunkMask]), slots.Length);
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = taken;
    }

    /// <summary>
    /// Fibonacci hashing: the number times 2^64 divided by the golden ratio, whose top bits are well spread. Lists are often
    /// runs of consecutive numbers, which the low bits alone would pile into neighbouring slots.
    /// </summary>
    private static ulong Hash(long number) => (ulong)number * GoldenRatioMultiplier;

    /// <summary>A number's first slot in a partition: the hash's bits after those that chose the partition.</summary>
    private static int Home(ulong hash, int slotCount) => (int)((hash << PartitionBits) >> (64 - BitOperations.Log2((uint)slotCount)));
}
