using System.Text.Json.Nodes;

namespace Infra.Tests;

/// <summary>Reads a compiled ARM template, including the templates of nested module deployments.</summary>
public static class ArmTemplate
{
    /// <summary>
    /// Every resource declaration anywhere in the template. Bicep emits <c>resources</c> as an array
    /// or, with language version 2.0, as an object keyed by symbolic name, so both are walked.
    /// </summary>
    public static IEnumerable<JsonObject> Resources(JsonNode template)
    {
        switch (template)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out _) && obj["apiVersion"] is not null)
                {
                    yield return obj;
                }

                foreach (var (_, child) in obj)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    foreach (var resource in Resources(child))
                    {
                        yield return resource;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    foreach (var resource in Resources(child))
                    {
                        yield return resource;
                    }
                }

                break;
        }
    }

    public static IEnumerable<JsonObject> ResourcesOfType(JsonNode template, string type) =>
        Resources(template).Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public static JsonObject SingleOfType(JsonNode template, string type)
    {
        var matches = ResourcesOfType(template, type).Where(r => r["existing"] is null).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one {type}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The module deployment whose nested template declares <paramref name="resource"/>.</summary>
    public static JsonObject DeploymentOf(JsonObject resource)
    {
        for (var node = resource.Parent; node is not null; node = node.Parent)
        {
            if (node is JsonObject candidate &&
                string.Equals((string?)candidate["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"{resource["type"]} is not inside a module deployment.");
    }
}
