using System.Security.Cryptography;
using System.Text;
using BatchFunctions.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BatchFunctions.Api;

/// <summary>Checks the xi-api-key header, as ElevenLabs' API does, against the configured keys.</summary>
public sealed class ApiKeyAuthenticator(IOptions<ApiOptions> options)
{
    public const string Header = "xi-api-key";

    public bool IsAuthorized(HttpRequest request)
    {
        var presented = Encoding.UTF8.GetBytes(request.Headers[Header].ToString());
        if (presented.Length == 0)
        {
            return false;
        }

        // Compare against every key in constant time so the answer leaks nothing about near misses.
        var authorized = false;
        foreach (var key in options.Value.Keys)
        {
            authorized |= key.Length > 0 && CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key));
        }

        return authorized;
    }
}
