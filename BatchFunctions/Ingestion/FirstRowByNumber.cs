namespace BatchFunctions.Ingestion;

/// <summary>
/// The duplicate check of a recipient list: every accepted number, with the row it was first seen on, in 11 to 23
/// bytes a number (13 at a million). A <c>Dictionary&lt;long, int&gt;</c> took 28 bytes a slot at 1.4 slots a number
/// (39 at a million) and copied itself whole on each growth, on the large object heap; it was most of what validation's
/// peak memory grew by between 100k and 1M rows, against issue 14's bound of 1.5 times.
/// </summary>
/// <remarks>
/// A number is an E.164 number's digits: at most 15, so under 2^50, and never 0 (no country code starts with 0). Its bits
/// 10-19 choose one of 1,024 small open-addressing tables, each grown on its own (one table of 8 MiB at a million numbers,
/// on the large object heap, peaked 4-6 MiB higher, measured): each block of 1,024 consecutive numbers has a table, and the
/// blocks take the tables in turn. A slot is one long holding the rest of the number (its other 40 bits) and its position in
/// arrival order (24 bits), so a probe never looks anywhere else. The home slot is the rest of the number modulo the table's
/// prime size: consecutive numbers, common in lists, take consecutive slots of one table, which keeps the table's working set
/// in cache as a dictionary's is (a scattering hash made validation 7% slower on one core; choosing the table by the low 10
/// bits sent consecutive numbers to 1,024 tables in turn, and with rows checked on the same thread in between, those 1,024
/// cache lines were gone each time: the duplicate check took 15% of the reading thread's CPU at 1M rows on two cores, 3% by
/// blocks), and a prime keeps numbers a fixed stride apart from piling up. Rows come in file order, so first rows are kept as runs of consecutive rows:
/// one run for a clean list, and a run (8 bytes) per gap, that is per row left out, which costs far more as its row error.
/// </remarks>
internal sealed class FirstRowByNumber
{
    /// <summary>Most numbers held: positions take 24 bits of a slot. Ingestion__MaxRows is at most 10 million.</summary>
    public const int MaxCount = (1 << PositionBits) - 2;

    private const int BlockBits = 10;
    private const long BlockMask = (1L << BlockBits) - 1;
    private const int PartitionBits = 10;
    private const int PartitionMask = (1 << PartitionBits) - 1;
    private const int PositionBits = 24;
    private const long PositionMask = (1L << PositionBits) - 1;
    private const long NumberLimit = 1L << 50;
    private const int InitialPartitionSlots = 11;

    // Linear probing stays short below this share of slots taken; 8 slots share a cache line, so a probe of a few costs one miss.
    private const double MaxLoad = 0.7;

    /// <summary>Each slot: (number >> 10) << 24 | (position + 1); 0 is a free slot. A partition's table is allocated on first use.</summary>
    private readonly long[]?[] partitionSlots = new long[1 << PartitionBits][];
    private readonly int[] partitionCounts = new int[1 << PartitionBits];

    // Run i: the numbers from position runStarts[i] on were first seen on consecutive rows from runFirstRows[i] on.
    private readonly List<int> runStarts = [];
    private readonly List<int> runFirstRows = [];
    private int lastRowAdded;

    public int Count { get; private set; }

    /// <summary>Records <paramref name="number"/> as first seen on <paramref name="row"/>, unless it was seen before.</summary>
    /// <param name="number">An E.164 number's digits.</param>
    /// <param name="row">After every row added before: rows are taken in file order.</param>
    /// <param name="firstRow">When the number was seen before: the row it was first seen on, which stays its first row.</param>
    /// <returns>True when the number is new.</returns>
    public bool TryAdd(long number, int row, out int firstRow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(number, NumberLimit);
        var partition = (int)(number >> BlockBits) & PartitionMask;
        var rest = ((number >> (BlockBits + PartitionBits)) << BlockBits) | (number & BlockMask);
        var slots = partitionSlots[partition] ??= new long[InitialPartitionSlots];
        var slot = Home(rest, slots.Length);
        while (slots[slot] is var taken and not 0)
        {
            if (taken >>> PositionBits == rest) // unsigned: the top of a 15-digit number reaches the sign bit
            {
                firstRow = RowOf((int)(taken & PositionMask) - 1);
                return false;
            }

            slot = slot + 1 == slots.Length ? 0 : slot + 1;
        }

        if (Count > 0 && row <= lastRowAdded)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Rows are added in file order; the last added was row {lastRowAdded}.");
        }

        if (Count == MaxCount)
        {
            throw new InvalidOperationException($"The duplicate check holds at most {MaxCount:N0} numbers.");
        }

        var position = Count;
        if (position == 0 || row != lastRowAdded + 1)
        {
            runStarts.Add(position);
            runFirstRows.Add(row);
        }

        lastRowAdded = row;
        Count = position + 1;
        slots[slot] = (rest << PositionBits) | (position + 1L);
        if (++partitionCounts[partition] > MaxLoad * slots.Length)
        {
            Grow(partition);
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

    /// <summary>Moves a partition to a table of the next prime size past twice the old one; a slot carries all it needs to be placed again.</summary>
    private void Grow(int partition)
    {
        var old = partitionSlots[partition]!;
        var slots = new long[NextPrime(2 * old.Length)];
        foreach (var taken in old)
        {
            if (taken == 0)
            {
                continue;
            }

            var slot = Home(taken >>> PositionBits, slots.Length);
            while (slots[slot] != 0)
            {
                slot = slot + 1 == slots.Length ? 0 : slot + 1;
            }

            slots[slot] = taken;
        }

        partitionSlots[partition] = slots;
    }

    private static int Home(long rest, int slotCount) => (int)((ulong)rest % (ulong)slotCount);

    private static int NextPrime(int atLeast)
    {
        for (var candidate = atLeast | 1; ; candidate += 2)
        {
            var prime = true;
            for (var divisor = 3; (long)divisor * divisor <= candidate; divisor += 2)
            {
                if (candidate % divisor == 0)
                {
                    prime = false;
                    break;
                }
            }

            if (prime)
            {
                return candidate;
            }
        }
    }
}
