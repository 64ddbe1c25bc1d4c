using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace TelephonySimulator.Tests.Infrastructure;

/// <summary>
/// Twilio's own OpenAPI schema of <c>api.v2010.account.call</c>, read from ../shared/reference and made strict:
/// OpenAPI's <c>nullable</c> becomes a JSON Schema null type, <c>$ref</c>s are inlined, every property is required,
/// no other property is allowed, and the RFC 2822 date format is checked.
/// </summary>
internal static partial class TwilioCallSchema
{
    private const string CallSchemaName = "api.v2010.account.call";
    private static readonly Lazy<JsonObject> StrictSchema = new(LoadStrict);
    private static readonly Lazy<JsonSchema> CompiledSchema = new(Build);

    /// <summary>Every property Twilio's schema declares for a call.</summary>
    public static IReadOnlyList<string> PropertyNames => [.. StrictSchema.Value["properties"]!.AsObject().Select(p => p.Key)];

    public static EvaluationResults Evaluate(JsonElement call)
    {
        var formats = new FormatRegistry();
        formats.Register(new PredicateFormat("date-time-rfc-2822", IsRfc2822Date));
        return CompiledSchema.Value.Evaluate(call, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
            FormatRegistry = formats,
        });
    }

    public static void AssertValid(JsonElement call)
    {
        var result = Evaluate(call);
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"));
        Assert.True(result.IsValid, "The call does not match api.v2010.account.call:\n" + string.Join('\n', errors) + "\n" + call);
    }

    private static JsonObject LoadStrict()
    {
        var document = JsonNode.Parse(File.ReadAllText(SharedReference.ReferenceFile("twilio-call-schema.json")))!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var call = Normalize(schemas[CallSchemaName]!.DeepClone(), schemas).AsObject();
        var names = call["properties"]!.AsObject().Select(p => p.Key).ToList();
        call["required"] = new JsonArray([.. names.Select(n => (JsonNode)n)]);
        call["additionalProperties"] = false;
        call["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        return call;
    }

    private static JsonSchema Build()
    {
        using var json = JsonDocument.Parse(StrictSchema.Value.ToJsonString());
        return JsonSchema.Build(json.RootElement.Clone(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static JsonNode Normalize(JsonNode node, JsonObject schemas)
    {
        if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                array[i] = Normalize(array[i]!.DeepClone(), schemas);
            }

            return array;
        }

        if (node is not JsonObject schema)
        {
            return node;
        }

        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            return Normalize(schemas[name]!.DeepClone(), schemas);
        }

        foreach (var key in schema.Select(p => p.Key).ToList())
        {
            // OpenAPI vendor extensions (x-twilio) are not JSON Schema keywords, and the validator rejects unknown ones.
            if (key.StartsWith("x-", StringComparison.Ordinal) && schema["type"] is not null)
            {
                schema.Remove(key);
                continue;
            }

            schema[key] = Normalize(schema[key]!.DeepClone(), schemas);
        }

        if (schema["nullable"]?.GetValue<bool>() == true)
        {
            schema.Remove("nullable");
            if (schema["type"]?.GetValue<string>() is { } type)
            {
                schema["type"] = new JsonArray(type, "null");
            }
        }

        return schema;
    }

    private static bool IsRfc2822Date(JsonElement element) =>
        element.ValueKind != JsonValueKind.String
        || (Rfc2822().IsMatch(element.GetString()!)
            && DateTimeOffset.TryParseExact(
                element.GetString(),
                "ddd, dd MMM yyyy HH:mm:ss zzz",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out _));

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")]
    private static partial Regex Rfc2822();
}
