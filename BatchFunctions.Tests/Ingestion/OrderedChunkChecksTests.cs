using BatchFunctions.Ingestion;

namespace BatchFunctions.Tests.Ingestion;

public sealed class OrderedChunkChecksTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Add_ChunksCheckedAtUnevenSpeeds_TakenBackCheckedInTheOrderAdded(int workers)
    {
        var taken = new List<int>();
        var checkThreads = new HashSet<int>();
        using var checks = new OrderedChunkChecks<Chunk>(
            chunk =>
            {
                Thread.Sleep(chunk.Number % 7 == 0 ? 3 : 0); // some chunks finish after those added later
                chunk.Checked = true;
                lock (checkThreads)
                {
                    checkThreads.Add(Environment.CurrentManagedThreadId);
                }
            },
            workers);

        void Take(Chunk chunk)
        {
            Assert.True(chunk.Checked);
            taken.Add(chunk.Number);
        }

        for (var i = 0; i < 200; i++)
        {
            checks.Add(new Chunk(i), Take);
        }

        checks.Finish(Take);

        Assert.Equal(Enumerable.Range(0, 200), taken);
        if (workers == 0)
        {
            Assert.Equal([Environment.CurrentManagedThreadId], checkThreads);
        }
    }

    [Fact]
    public void Finish_CheckThrewOnAWorker_ThrownOnTheReadingThreadWhenItsChunkIsTaken()
    {
        var taken = new List<int>();
        using var checks = new OrderedChunkChecks<Chunk>(
            chunk =>
            {
                if (chunk.Number == 5)
                {
                    throw new InvalidDataException("chunk 5");
                }
            },
            workers: 2);

        var e = Assert.Throws<InvalidDataException>(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                checks.Add(new Chunk(i), chunk => taken.Add(chunk.Number));
            }

            checks.Finish(chunk => taken.Add(chunk.Number));
        });

        Assert.Equal("chunk 5", e.Message);
        Assert.Equal([0, 1, 2, 3, 4], taken);
    }

    [Fact]
    public void Add_FewerChunksThanTwo_NoWorkerStartedAndEveryChunkCheckedOnTheCallingThread()
    {
        var checkedOn = 0;
        using var checks = new OrderedChunkChecks<Chunk>(_ => checkedOn = Environment.CurrentManagedThreadId, workers: 3);

        checks.Add(new Chunk(0), _ => { });
        checks.Finish(_ => { });

        Assert.Equal(Environment.CurrentManagedThreadId, checkedOn);
    }

    private sealed class Chunk(int number)
    {
        public int Number { get; } = number;

        public bool Checked { get; set; }
    }
}
