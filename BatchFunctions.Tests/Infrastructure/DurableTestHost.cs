using System.Reflection;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Entities;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Entities;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using CoreTaskEntity = DurableTask.Core.Entities.TaskEntity;

namespace BatchFunctions.Tests.Infrastructure;

/// <summary>
/// Runs the app's own orchestrators, activities and entities on the real Durable Task engine with the
/// Azure Storage provider (the Durable Functions default) over Azurite. The Functions host cannot run
/// here; this is the same engine underneath it, fed the same classes.
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly TaskHubWorker worker;
    private readonly AzureStorageOrchestrationService service;
    private bool crashed;

    private DurableTestHost(TaskHubWorker worker, AzureStorageOrchestrationService service, CoreDurableTaskClient client)
    {
        this.worker = worker;
        this.service = service;
        Client = client;
    }

    /// <summary>Configuration key for the queues' visibility timeout; the Functions host's 5 minutes by default.</summary>
    public const string VisibilityTimeoutSetting = "TestHost:QueueVisibilityTimeout";

    /// <summary>As host.json sets it (see where the service is configured).</summary>
    public const int EntityMessageReorderWindowInMinutes = 0;

    /// <summary>
    /// Faster than host.json's second, so the suite does not wait on idle queues; the benchmarks' latencies are
    /// therefore a little better than the host's, by up to a second at a hop whose queue had gone idle.
    /// </summary>
    public static readonly TimeSpan MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Control queues, as host.json's partitionCount: messages for different instances are fetched by separate loops.</summary>
    public const int PartitionCount = 4;

    /// <summary>
    /// How many control-queue messages a worker holds before it stops fetching: host.json's setting, the Functions
    /// host's default. The engine's own default is 64.
    /// </summary>
    public const int ControlQueueBufferThreshold = 256;

    /// <summary>For tests that kill a worker: its messages come back to the others within seconds, not minutes.</summary>
    public const string CrashRecoveryVisibilityTimeout = "00:00:30";

    public CoreDurableTaskClient Client { get; }

    /// <param name="rerun">
    /// Null, or for each activity execution (by activity name) whether to run it twice instead (see
    /// <see cref="ActivityRerun"/>); the chaos suite uses it to exercise at-least-once delivery on purpose.
    /// </param>
    public static async Task<DurableTestHost> StartAsync(
        IServiceProvider services, string connectionString, string taskHubName, Func<string, ActivityRerun?>? rerun = null)
    {
        var loggerFactory = services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        var visibilityTimeout = services.GetService<Microsoft.Extensions.Configuration.IConfiguration>()?[VisibilityTimeoutSetting] is { } configured
            ? TimeSpan.Parse(configured, System.Globalization.CultureInfo.InvariantCulture)
            : TimeSpan.FromMinutes(5);
        var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHubName,
            PartitionCount = PartitionCount,
            UseSeparateQueueForEntityWorkItems = true,

            // As host.json sets it: no reordering of entity messages. The engine's reordering parks a
            // message until its predecessor arrives, and a late message from an earlier execution of the
            // sender (after continue-as-new) resets what it has seen, so every later message of the new
            // execution waited for the 30-minute window: batches stalled with all their calls ended. Every
            // entity operation an orchestration sends is idempotent and order-insensitive instead.
            EntityMessageReorderWindowInMinutes = EntityMessageReorderWindowInMinutes,
            MaxQueuePollingInterval = MaxQueuePollingInterval,
            ControlQueueBufferThreshold = ControlQueueBufferThreshold,

            // After a crash, messages a dead worker had taken reappear after this timeout: the host's 5
            // minutes unless a test that kills workers asks for CrashRecoveryVisibilityTimeout. Shorter is not
            // free: on a loaded machine an orchestration's messages can wait in the worker's buffer longer
            // than 30 s, reappear, are taken twice and fail their deletes (PopReceiptMismatch), and the
            // orchestration stalls for minutes.
            ControlQueueVisibilityTimeout = visibilityTimeout,
            WorkItemQueueVisibilityTimeout = visibilityTimeout,
            LeaseInterval = TimeSpan.FromSeconds(10),
            LeaseRenewInterval = TimeSpan.FromSeconds(3),
            LeaseAcquireInterval = TimeSpan.FromSeconds(2),
            LoggerFactory = loggerFactory,
        });
        await service.CreateIfNotExistsAsync();

        var converter = JsonDataConverter.Default;
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter, EnableEntitySupport = true }, loggerFactory);
        var worker = new TaskHubWorker(service, loggerFactory);
        var app = typeof(BatchFunctions.Hosting.BatchCallingServiceCollectionExtensions).Assembly;

        foreach (var type in TaskTypes(app, typeof(Microsoft.DurableTask.TaskOrchestrator<,>)))
        {
            worker.AddTaskOrchestrations(new DelegateObjectCreator<TaskOrchestration>(
                type.Name, () => shims.CreateOrchestration(type.Name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type))));
        }

        foreach (var type in TaskTypes(app, typeof(Microsoft.DurableTask.TaskActivity<,>)))
        {
            TaskActivity Create() => shims.CreateActivity(type.Name, (ITaskActivity)ActivatorUtilities.CreateInstance(services, type));
            worker.AddTaskActivities(new DelegateObjectCreator<TaskActivity>(
                type.Name, rerun is null ? Create : () => new RerunActivity(type.Name, Create, rerun)));
        }

        foreach (var type in TaskTypes(app, typeof(Microsoft.DurableTask.Entities.TaskEntity<>)))
        {
            // Entity ids carry their name in lower case (EntityInstanceId normalises it), and the
            // engine looks entities up by that name.
            worker.AddTaskEntities(new DelegateObjectCreator<CoreTaskEntity>(
                type.Name.ToLowerInvariant(), () => new EntityShim(shims, type.Name, () => (ITaskEntity)ActivatorUtilities.CreateInstance(services, type))));
        }

        await worker.StartAsync();
        var entityQueries = ((IEntityOrchestrationService)service).EntityBackendQueries
            ?? throw new InvalidOperationException("The Azure Storage provider did not enable entities.");
        return new DurableTestHost(worker, service, new CoreDurableTaskClient(service, entityQueries, converter));
    }

    /// <summary>Every concrete orchestrator, activity or entity class in the app.</summary>
    public static IEnumerable<Type> TaskTypes(Assembly assembly, Type openBase) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && DerivesFrom(t, openBase));

    private static bool DerivesFrom(Type type, Type openBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many history events the instance's current execution has (ContinueAsNew starts a new execution).</summary>
    public async Task<HistorySample?> SampleHistoryAsync(string instanceId)
    {
        if (await CurrentExecutionAsync(instanceId) is not ({ } executionId, var events))
        {
            return null;
        }

        var kinds = events.EnumerateArray()
            .Select(e => (e.TryGetProperty("EventType", out var t) ? EventTypeName(t) : "?") + Target(e))
            .CountBy(kind => kind)
            .ToDictionary();
        return new HistorySample(executionId, events.GetArrayLength(), kinds);
    }

    /// <summary>The instance's current execution (ContinueAsNew starts a new one) and its history's events; null when there is no such instance.</summary>
    private async Task<(string ExecutionId, System.Text.Json.JsonElement Events)?> CurrentExecutionAsync(string instanceId)
    {
        var state = (await service.GetOrchestrationStateAsync(instanceId, allExecutions: false))?.FirstOrDefault();
        if (state is null)
        {
            return null;
        }

        var executionId = state.OrchestrationInstance.ExecutionId;
        using var history = System.Text.Json.JsonDocument.Parse(await service.GetOrchestrationHistoryAsync(instanceId, executionId));
        return (executionId, history.RootElement.Clone());
    }

    /// <summary>
    /// What an event is about, where that tells events of one kind apart: the activity a task ran, the entity a
    /// message went to, the external event raised (an entity's answer is raised under a request id).
    /// </summary>
    private static string Target(System.Text.Json.JsonElement e)
    {
        if (e.TryGetProperty("InstanceId", out var to) && to.GetString() is ['@', .. var entity])
        {
            return " " + entity[..Math.Max(0, entity.IndexOf('@', StringComparison.Ordinal))];
        }

        return e.TryGetProperty("Name", out var name) && name.GetString() is { } n
            ? " " + (Guid.TryParse(n, out _) ? "(entity answer)" : n)
            : "";
    }

    /// <summary>The provider writes event types as numbers or names, depending on the path.</summary>
    private static string EventTypeName(System.Text.Json.JsonElement type) =>
        type.ValueKind == System.Text.Json.JsonValueKind.Number
            ? ((DurableTask.Core.History.EventType)type.GetInt32()).ToString()
            : type.ToString();

    /// <summary>The last events of the instance's current execution ("TimerCreated", "EventRaised CallEnded", ...): what a stuck one did last.</summary>
    public async Task<IReadOnlyList<string>> HistoryTailAsync(string instanceId, int count)
    {
        if (await CurrentExecutionAsync(instanceId) is not (_, var events))
        {
            return [];
        }

        return [.. events.EnumerateArray().TakeLast(count).Select(e =>
            (e.TryGetProperty("EventType", out var t) ? EventTypeName(t) : "?")
            + (e.TryGetProperty("Name", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String ? " " + n.GetString() : "")
            + (e.TryGetProperty("FireAt", out var f) ? " fires " + f : ""))];
    }

    /// <summary>
    /// The timers the instance's current execution created: when the episode that armed each one began (the
    /// orchestration's time then) and when it was asked to fire.
    /// </summary>
    public async Task<IReadOnlyList<(DateTime ArmedAt, DateTime FireAt)>> TimersAsync(string instanceId)
    {
        if (await CurrentExecutionAsync(instanceId) is not (_, var events))
        {
            return [];
        }

        var timers = new List<(DateTime, DateTime)>();
        var episodeStart = DateTime.MinValue;
        foreach (var e in events.EnumerateArray())
        {
            var type = e.TryGetProperty("EventType", out var t) ? EventTypeName(t) : "";
            if (type == nameof(DurableTask.Core.History.EventType.OrchestratorStarted))
            {
                episodeStart = e.GetProperty("Timestamp").GetDateTime().ToUniversalTime();
            }
            else if (type == nameof(DurableTask.Core.History.EventType.TimerCreated))
            {
                timers.Add((episodeStart, e.GetProperty("FireAt").GetDateTime().ToUniversalTime()));
            }
        }

        return timers;
    }

    /// <summary>
    /// The activities the instance's current execution scheduled and still waits for (name#task id), read from its
    /// history: where an orchestration that makes no progress is stuck.
    /// </summary>
    public async Task<IReadOnlyList<string>> OutstandingActivitiesAsync(string instanceId)
    {
        if (await CurrentExecutionAsync(instanceId) is not (_, var events))
        {
            return [];
        }

        var scheduled = new Dictionary<int, string>();
        foreach (var e in events.EnumerateArray())
        {
            var type = e.TryGetProperty("EventType", out var t) ? t.ToString() : "";
            if (type is "TaskScheduled" or "4")
            {
                scheduled[e.GetProperty("EventId").GetInt32()] = e.TryGetProperty("Name", out var n) ? n.GetString() ?? "?" : "?";
            }
            else if (type is "TaskCompleted" or "TaskFailed" or "5" or "6" && e.TryGetProperty("TaskScheduledId", out var id))
            {
                scheduled.Remove(id.GetInt32());
            }
        }

        return [.. scheduled.Select(s => $"{s.Value}#{s.Key}")];
    }

    /// <summary>
    /// Stops the worker abruptly, as a dying process would: work in progress is abandoned and the task
    /// hub is left as it is, for a new host to pick up.
    /// </summary>
    public async Task CrashAsync()
    {
        crashed = true;
        await worker.StopAsync(isForced: true);
        worker.Dispose();
    }

    /// <summary>Stops this worker and leaves the task hub to the others sharing it (a scaled-in instance).</summary>
    public async Task StopAsync()
    {
        if (!crashed)
        {
            crashed = true;
            await worker.StopAsync(isForced: true);
            worker.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!crashed)
        {
            await worker.StopAsync(isForced: true);
            worker.Dispose();
        }

        await service.DeleteAsync();
    }
}
