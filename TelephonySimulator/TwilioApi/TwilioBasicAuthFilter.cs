using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TelephonySimulator.TwilioApi;

/// <summary>HTTP Basic authentication as Twilio does it: AccountSid:AuthToken, for the account in the path.</summary>
internal sealed class TwilioBasicAuthFilter(TwilioAccountDirectory accounts) : IEndpointFilter
{
    public const string AccountSidRouteKey = "accountSid";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var pathAccountSid = http.GetRouteValue(AccountSidRouteKey) as string;
        if (TryReadCredentials(http.Request.Headers.Authorization.ToString(), out var accountSid, out var authToken)
            && string.Equals(accountSid, pathAccountSid, StringComparison.Ordinal)
            && accounts.IsValid(accountSid, authToken))
        {
            return next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"Twilio API\"";
        return ValueTask.FromResult<object?>(TwilioErrors.Unauthorized());
    }

    private static bool TryReadCredentials(string header, out string user, out string password)
    {
        user = "";
        password = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value)
            || !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || value.Parameter is null)
        {
            return false;
        }

        Span<byte> decoded = stackalloc byte[value.Parameter.Length];
        if (!Convert.TryFromBase64String(value.Parameter, decoded, out var length))
        {
            return false;
        }

        var credentials = Encoding.UTF8.GetString(decoded[..length]);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = credentials[..colon];
        password = credentials[(colon + 1)..];
        return true;
    }
}
