using Microsoft.AspNetCore.Http;
using TelephonySimulator.Calls;

namespace TelephonySimulator.TwilioApi;

/// <summary>
/// The filters of <c>GET /Calls.json</c>. Twilio's documented <c>StartTime&gt;=2009-07-06</c> reaches a server as the
/// query key <c>StartTime&gt;</c> with the value <c>2009-07-06</c>, which is also what the C# SDK sends.
/// </summary>
internal sealed class CallListFilter
{
    private readonly List<Func<CallSnapshot, bool>> predicates = [];

    private CallListFilter()
    {
    }

    /// <summary>The filter parameters as received, in order, to be echoed in the page URIs.</summary>
    public List<KeyValuePair<string, string>> Echo { get; } = [];

    public static bool TryParse(IQueryCollection query, out CallListFilter filter, out string error)
    {
        filter = new CallListFilter();
        error = "";
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            switch (key)
            {
                case "To":
                    filter.Add(key, value, call => call.Request.To == value);
                    break;
                case "From":
                    filter.Add(key, value, call => call.Request.From == value);
                    break;
                case "ParentCallSid":
                    // Outbound API calls have no parent, so any value matches none of them.
                    filter.Add(key, value, _ => false);
                    break;
                case "Status":
                    if (!CallStatusExtensions.TryParseWire(value, out var status))
                    {
                        error = $"Invalid Status: {value}";
                        return false;
                    }

                    filter.Add(key, value, call => call.Status == status);
                    break;
                case "StartTime" or "StartTime>" or "StartTime<" or "EndTime" or "EndTime>" or "EndTime<":
                    if (!TwilioDates.TryParseFilter(value, out var instant, out var dateOnly))
                    {
                        error = $"Invalid {key}: {value}. Use YYYY-MM-DD";
                        return false;
                    }

                    Func<CallSnapshot, DateTimeOffset?> timeOf = key.StartsWith("Start", StringComparison.Ordinal)
                        ? call => call.StartedAt ?? call.CreatedAt
                        : call => call.EndedAt;
                    var compare = TimeComparison(key[^1], instant, dateOnly);
                    filter.Add(key, value, call => timeOf(call) is { } time && compare(time));
                    break;
                default:
                    // Paging parameters are handled by the endpoint; unknown ones are ignored, as Twilio does.
                    break;
            }
        }

        return true;
    }

    public bool Matches(CallSnapshot call) => predicates.TrueForAll(predicate => predicate(call));

    /// <summary>Exact matches the UTC day; &gt; is on or after, &lt; on or before (the whole day for a date).</summary>
    private static Func<DateTimeOffset, bool> TimeComparison(char operation, DateTimeOffset instant, bool dateOnly) => operation switch
    {
        '>' => time => time >= instant,
        '<' when dateOnly => time => time < instant.AddDays(1),
        '<' => time => time <= instant,
        _ => time => time.UtcDateTime.Date == instant.UtcDateTime.Date,
    };

    private void Add(string key, string value, Func<CallSnapshot, bool> predicate)
    {
        Echo.Add(new(key, value));
        predicates.Add(predicate);
    }
}
