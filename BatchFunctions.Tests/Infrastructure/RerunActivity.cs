using DurableTask.Core;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// Wraps an activity so that, when <c>decide</c> says so, it runs twice and hands the engine one of the two
/// outcomes. The engine never does this on purpose, but at-least-once delivery lets it happen (a worker that
/// dies after running an activity, a lease that lapses): code that is only correct when run once fails here.
/// </summary>
internal sealed class RerunActivity(string name, Func<TaskActivity> create, Func<string, ActivityRerun?> decide) : TaskActivity
{
    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("The Durable engine runs activities through RunAsync.");

    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        if (decide(name) is not { } rerun)
        {
            return await create().RunAsync(context, input);
        }

        Task<string> first;
        Task<string> second;
        if (rerun.Mode == ActivityRerunMode.Concurrent)
        {
            first = Task.Run(() => create().RunAsync(context, input));
            second = Task.Run(() => create().RunAsync(context, input));
        }
        else
        {
            first = create().RunAsync(context, input);
            await Settle(first);
            second = create().RunAsync(context, input);
        }

        await Settle(first);
        await Settle(second);
        return await (rerun.KeepFirstResult ? first : second);
    }

    /// <summary>Waits for a run without throwing: the outcome that counts is read afterwards, from the task kept.</summary>
    private static Task<Task> Settle(Task run) => Task.WhenAny(run);
}
