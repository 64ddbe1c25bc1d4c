using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>Every ElevenLabs endpoint needs the workspace key in <c>xi-api-key</c>.</summary>
internal sealed class ElevenLabsApiKeyFilter(SimulatorOptions options) : IEndpointFilter
{
    public const string HeaderName = "xi-api-key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        var valid = presented.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(options.ElevenLabsApiKey));
        return valid ? next(context) : ValueTask.FromResult<object?>(ElevenLabsErrors.InvalidApiKey());
    }
}
