using Microsoft.Extensions.Caching.Memory;

namespace BatchFunctions.Providers.ElevenLabs;

/// <summary>
/// Agents and phone numbers as ElevenLabs has them, remembered for a minute: every launched batch and
/// dry run looks them up, and they change rarely. A missing id is not remembered, so a newly created
/// agent can be used at once.
/// </summary>
public sealed class ElevenLabsDirectory(ElevenLabsClient elevenLabs, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public Task<AgentProfile?> GetAgentAsync(string agentId, CancellationToken cancellationToken) =>
        GetAsync($"agent:{agentId}", () => elevenLabs.GetAgentAsync(agentId, cancellationToken));

    public Task<PhoneNumberProfile?> GetPhoneNumberAsync(string phoneNumberId, CancellationToken cancellationToken) =>
        GetAsync($"phone-number:{phoneNumberId}", () => elevenLabs.GetPhoneNumberAsync(phoneNumberId, cancellationToken));

    private async Task<T?> GetAsync<T>(string key, Func<Task<T?>> fetch)
        where T : class
    {
        if (cache.TryGetValue(key, out T? known))
        {
            return known;
        }

        var fetched = await fetch();
        if (fetched is not null)
        {
            cache.Set(key, fetched, Lifetime);
        }

        return fetched;
    }
}
