using System.Globalization;
using Microsoft.AspNetCore.Http;
using TelephonySimulator.Calls;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.TwilioApi;

/// <summary>
/// <c>GET /2010-04-01/Accounts/{AccountSid}/Calls.json</c>: newest first, in Twilio's list envelope, paged by
/// <c>PageSize</c>/<c>Page</c> and a <c>PageToken</c> that anchors the next page after the last call shown, so calls
/// created while a client pages (e.g. while reconciling after a crash) do not shift what it sees.
/// </summary>
internal static class ListCallsEndpoint
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 1000;
    private const string PageTokenPrefix = "PA";

    public static IResult Handle(string accountSid, HttpRequest request, CallRegistry registry)
    {
        if (!CallListFilter.TryParse(request.Query, out var filter, out var error))
        {
            return TwilioErrors.BadRequest(20001, error);
        }

        var pageSize = Math.Clamp(IntOrDefault(request.Query["PageSize"], DefaultPageSize), 1, MaxPageSize);
        var page = Math.Max(0, IntOrDefault(request.Query["Page"], 0));
        var matching = registry.All()
            .Where(call => call.Request.AccountSid == accountSid)
            .Select(call => call.Snapshot())
            .Where(filter.Matches)
            .Reverse()
            .ToList();

        var offset = page * pageSize;
        var token = request.Query["PageToken"].ToString();
        if (token.StartsWith(PageTokenPrefix, StringComparison.Ordinal))
        {
            var anchor = matching.FindIndex(call => call.Sid == token[PageTokenPrefix.Length..]);
            offset = anchor + 1;
        }

        var calls = matching.Skip(offset).Take(pageSize).Select(CallResourceMapper.ToResource).ToList();
        var hasMore = offset + calls.Count < matching.Count;
        var start = page * pageSize;
        var baseUri = CallResourceMapper.CallsUri(accountSid) + ".json";
        return Results.Json(
            new CallPage(
                Calls: calls,
                End: calls.Count == 0 ? start : start + calls.Count - 1,
                FirstPageUri: PageUri(baseUri, filter, pageSize, 0, null),
                NextPageUri: hasMore ? PageUri(baseUri, filter, pageSize, page + 1, PageTokenPrefix + calls[^1].Sid) : null,
                Page: page,
                PageSize: pageSize,
                PreviousPageUri: page > 0 ? PageUri(baseUri, filter, pageSize, page - 1, null) : null,
                Start: start,
                Uri: PageUri(baseUri, filter, pageSize, page, token.Length > 0 ? token : null)),
            SimulatorJson.Options);
    }

    private static int IntOrDefault(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;

    private static string PageUri(string baseUri, CallListFilter filter, int pageSize, int page, string? pageToken)
    {
        var parameters = new List<KeyValuePair<string, string>>(filter.Echo)
        {
            new("PageSize", pageSize.ToString(CultureInfo.InvariantCulture)),
            new("Page", page.ToString(CultureInfo.InvariantCulture)),
        };
        if (pageToken is not null)
        {
            parameters.Add(new("PageToken", pageToken));
        }

        return baseUri + "?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }
}
