using BatchFunctions.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace BatchFunctions.Providers.Twilio;

/// <summary>
/// Proves a webhook request came from Twilio: the signature covers the URL Twilio called and every
/// form field, keyed with our auth token. The URL is rebuilt from the configured public address
/// because behind a proxy the app sees a different host than Twilio used.
/// </summary>
public sealed class TwilioRequestAuthenticator(IOptions<TwilioOptions> twilio, IOptions<CallbackOptions> callbacks)
{
    public const string SignatureHeader = "X-Twilio-Signature";

    public bool IsAuthentic(HttpRequest request, IFormCollection form)
    {
        var signature = request.Headers[SignatureHeader].ToString();
        if (signature.Length == 0)
        {
            return false;
        }

        var publicBase = callbacks.Value.PublicBaseUrl;
        var url = $"{publicBase.GetLeftPart(UriPartial.Authority)}{publicBase.AbsolutePath.TrimEnd('/')}{request.Path}{request.QueryString}";
        var parameters = form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
        return new RequestValidator(twilio.Value.AuthToken).Validate(url, parameters, signature);
    }
}
