using BatchFunctions.Api;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

namespace BatchFunctions.Hosting;

public static class BatchCallingWorkerExtensions
{
    /// <summary>
    /// The worker's own pipeline and log levels. Call after ConfigureFunctionsWebApplication: worker
    /// middleware runs in registration order, and both need the request that the ASP.NET Core
    /// integration's middleware attaches. The storage fault answer wraps everything after it.
    /// </summary>
    public static FunctionsApplicationBuilder UseBatchCalling(this FunctionsApplicationBuilder builder)
    {
        builder.UseMiddleware<StorageFaultMiddleware>();
        builder.UseMiddleware<ApiKeyMiddleware>();
        builder.Logging.AddBatchCallingLevels();
        return builder;
    }
}
