using Microsoft.AspNetCore.Http;

namespace TelephonySimulator.Dialing;

/// <summary>
/// Closes the connection instead of answering. As a result it runs after every filter has returned, so the attempt is
/// in the dial log before the client can notice the missing answer.
/// </summary>
internal sealed class DroppedConnectionResult : IResult
{
    public static DroppedConnectionResult Instance { get; } = new();

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Abort();
        return Task.CompletedTask;
    }
}
