using System.Runtime.InteropServices;

namespace TelephonySimulator.Hosting;

/// <summary>Completes on Ctrl+C or SIGTERM, so the standalone simulator can stop its calls cleanly.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly TaskCompletionSource requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;

    public ShutdownSignal()
    {
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public Task Requested => requested.Task;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        requested.TrySetResult();
    }
}
