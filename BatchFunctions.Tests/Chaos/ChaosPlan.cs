using System.Globalization;
using System.Text;
using BatchFunctions.Tests.Infrastructure;

namespace BatchFunctions.Tests.Chaos;

/// <summary>
/// Everything a chaos run will do, drawn from its seed before the run starts: the batches, which fault
/// families are on and how often they strike, and the schedule of timed faults and operator actions.
/// </summary>
public sealed record ChaosPlan(
    int Seed,
    IReadOnlyList<ChaosBatchPlan> Batches,
    double StorageFaultProbability,
    double ActivityRerunProbability,
    double DuplicateCallbackProbability,
    double ReorderCallbackProbability,
    int ExtraWorkers,
    IReadOnlyList<ChaosAction> Actions)
{
    public static ChaosPlan Draw(ChaosRandom random, ChaosSettings settings)
    {
        // The draws happen in this fixed order whatever their values, so a seed always gives one plan.
        var batchCount = random.Between(1, 3);
        var total = random.Between(settings.MinRecipients, settings.MaxRecipients);
        var batches = new List<ChaosBatchPlan>();
        for (var b = 0; b < batchCount; b++)
        {
            var size = (total / batchCount) + (b < total % batchCount ? 1 : 0);
            var numbers = BatchDriver.Numbers(size, first: 1000 + (b * 200));
            var doNotCall = numbers.Where(_ => random.Chance(0.06)).ToList();
            var loseCallbacks = random.Chance(0.5) ? numbers.Except(doNotCall).Where(_ => random.Chance(0.12)).ToList() : [];
            batches.Add(new ChaosBatchPlan(b, numbers, random.Between(2, 5), doNotCall, loseCallbacks));
        }

        var storage = random.Chance(0.7) ? 0.01 + (0.04 * random.NextDouble()) : 0;
        var rerun = random.Chance(0.7) ? 0.05 + (0.25 * random.NextDouble()) : 0;
        var duplicates = random.Chance(0.6) ? 0.1 + (0.3 * random.NextDouble()) : 0;
        var reorders = random.Chance(0.6) ? 0.1 + (0.3 * random.NextDouble()) : 0;
        var extraWorkers = random.Pick([0, 0, 1, 2]);

        var actions = new List<ChaosAction>();
        TimeSpan Moment() => random.Between(TimeSpan.FromSeconds(0.5), settings.FaultWindow);
        for (var i = random.Between(0, 4); i > 0; i--)
        {
            actions.Add(random.Between(0, 4) switch
            {
                0 => new ChaosAction(Moment(), ChaosActionKind.FailDials, Count: random.Between(1, 3), HttpStatus: 429),
                1 => new ChaosAction(Moment(), ChaosActionKind.FailDials, Count: random.Between(1, 3), HttpStatus: random.Pick([500, 503])),
                2 => new ChaosAction(Moment(), ChaosActionKind.DropDials, Count: random.Between(1, 2), Flag: true),
                3 => new ChaosAction(Moment(), ChaosActionKind.DropDials, Count: random.Between(1, 2), Flag: false),
                _ => new ChaosAction(Moment(), ChaosActionKind.SlowDials, Count: random.Between(1, 3), Delay: random.Between(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(3))),
            });
        }

        foreach (var batch in batches)
        {
            if (random.Chance(0.35))
            {
                var pause = Moment();
                actions.Add(new ChaosAction(pause, ChaosActionKind.Pause, batch.Index));
                actions.Add(new ChaosAction(pause + random.Between(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)), ChaosActionKind.Resume, batch.Index));
            }

            if (random.Chance(0.2))
            {
                actions.Add(new ChaosAction(Moment(), ChaosActionKind.Cancel, batch.Index, Flag: random.Chance(0.5)));
            }

            if (random.Chance(0.12))
            {
                actions.Add(new ChaosAction(Moment(), ChaosActionKind.Delete, batch.Index));
            }
        }

        if (random.Chance(0.35))
        {
            actions.Add(new ChaosAction(Moment(), ChaosActionKind.KillWorker, random.Between(0, extraWorkers)));
        }

        return new ChaosPlan(random.Seed, batches, storage, rerun, duplicates, reorders, extraWorkers, [.. actions.OrderBy(a => a.At)]);
    }

    /// <summary>The plan in a few lines, printed before the run so a failing seed shows what it did.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {Seed}: {Batches.Count} batch(es), {ExtraWorkers} extra worker(s); "
            + $"storage faults p={StorageFaultProbability:F3}, activity reruns p={ActivityRerunProbability:F3}, "
            + $"duplicate callbacks p={DuplicateCallbackProbability:F2}, reordered callbacks p={ReorderCallbackProbability:F2}");
        foreach (var batch in Batches)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  batch #{batch.Index}: {batch.Numbers.Count} recipients, limit {batch.ConcurrencyLimit}, "
                + $"do-not-call [{string.Join(' ', batch.DoNotCall)}], lost final callback [{string.Join(' ', batch.LoseTerminalCallback)}]");
        }

        foreach (var action in Actions)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  at {action}");
        }

        return text.ToString().TrimEnd();
    }
}
