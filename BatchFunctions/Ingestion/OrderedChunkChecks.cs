using System.Runtime.ExceptionServices;

namespace BatchFunctions.Ingestion;

/// <summary>
/// Checks chunks of a file's rows on worker threads while the thread that reads the file reads on, and hands them back to
/// it checked, in the order it added them. The reading thread checks chunks too, the oldest waiting one, whenever it is
/// <see cref="maxOutstanding"/> chunks ahead: the work divides itself between it and the workers whatever share reading
/// and taking rows back in order take, and it never waits while there is a chunk to check.
/// </summary>
/// <remarks>
/// One worker fewer than cores, on threads of its own: with a chunk handed to the thread pool per task, the pool ran two to
/// four workers beside the reading thread on two cores, and the reading thread, the one part that cannot be split, got
/// only its share of them; its idle workers also spun between chunks on the cores the others needed (benchmarks/README.md,
/// issue 14, fourth round). Threads of their own also keep a long list from holding pool threads the host's other
/// functions need. Workers start only when a second chunk is read, so a short list starts none.
/// </remarks>
internal sealed class OrderedChunkChecks<TChunk> : IDisposable
    where TChunk : class
{
    private readonly Action<TChunk> check;
    private readonly int workerCount;
    private readonly int maxOutstanding;
    private readonly object gate = new(); // Monitor's, for Wait and PulseAll

    // Every chunk added and not yet taken back, in order; and those of them no thread has begun to check.
    private readonly Queue<Entry> outstanding = new();
    private readonly Queue<Entry> waiting = new();
    private bool workersStarted;
    private bool stopped;
    private bool readerWaits;

    /// <param name="check">Run once per chunk, on any thread; chunks are checked side by side.</param>
    /// <param name="workers">Worker threads besides the reading thread; 0 checks every chunk on it.</param>
    public OrderedChunkChecks(Action<TChunk> check, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        this.check = check;
        workerCount = workers;

        // Two chunks per thread: a worker that finishes one finds the next waiting while the reading thread reads or checks.
        maxOutstanding = workers == 0 ? 1 : 2 * (workers + 1);
    }

    /// <summary>Adds the next chunk; <paramref name="take"/> gets every chunk checked by now that is next in order.</summary>
    public void Add(TChunk chunk, Action<TChunk> take)
    {
        lock (gate)
        {
            var entry = new Entry(chunk);
            outstanding.Enqueue(entry);
            waiting.Enqueue(entry);
            Monitor.PulseAll(gate);
        }

        if (!workersStarted && workerCount > 0 && outstanding.Count > 1)
        {
            StartWorkers();
        }

        TakeChecked(take);
        while (outstanding.Count >= maxOutstanding)
        {
            CheckOneOrWait();
            TakeChecked(take);
        }
    }

    /// <summary>Checks or waits for every chunk added and hands them to <paramref name="take"/> in order.</summary>
    public void Finish(Action<TChunk> take)
    {
        TakeChecked(take);
        while (outstanding.Count > 0)
        {
            CheckOneOrWait();
            TakeChecked(take);
        }
    }

    /// <summary>Stops the workers; a chunk being checked is finished and dropped.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.PulseAll(gate);
        }
    }

    private void StartWorkers()
    {
        workersStarted = true;
        for (var i = 0; i < workerCount; i++)
        {
            new Thread(Work) { IsBackground = true, Name = "Recipient row checks" }.UnsafeStart();
        }
    }

    private void Work()
    {
        while (true)
        {
            Entry entry;
            lock (gate)
            {
                while (!stopped && waiting.Count == 0)
                {
                    Monitor.Wait(gate);
                }

                if (stopped)
                {
                    return;
                }

                entry = waiting.Dequeue();
            }

            Check(entry);
        }
    }

    /// <summary>On the reading thread: checks the oldest chunk no one has begun, or else waits for the next in order.</summary>
    private void CheckOneOrWait()
    {
        Entry? mine = null;
        lock (gate)
        {
            if (waiting.Count > 0)
            {
                mine = waiting.Dequeue();
            }
            else if (!outstanding.Peek().Checked)
            {
                readerWaits = true;
                Monitor.Wait(gate);
                readerWaits = false;
            }
        }

        if (mine is not null)
        {
            Check(mine);
        }
    }

    private void Check(Entry entry)
    {
        try
        {
            check(entry.Chunk);
        }
#pragma warning disable CA1031 // Any failure is the reading thread's to throw, when it takes the chunk.
        catch (Exception e)
#pragma warning restore CA1031
        {
            entry.Failure = ExceptionDispatchInfo.Capture(e);
        }

        lock (gate)
        {
            entry.Checked = true;
            if (readerWaits)
            {
                Monitor.PulseAll(gate);
            }
        }
    }

    private void TakeChecked(Action<TChunk> take)
    {
        while (true)
        {
            Entry entry;
            lock (gate)
            {
                if (outstanding.Count == 0 || !outstanding.Peek().Checked)
                {
                    return;
                }

                entry = outstanding.Dequeue();
            }

            entry.Failure?.Throw();
            take(entry.Chunk);
        }
    }

    private sealed class Entry(TChunk chunk)
    {
        public TChunk Chunk { get; } = chunk;

        public bool Checked { get; set; }

        public ExceptionDispatchInfo? Failure { get; set; }
    }
}
