using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Partnerskab.Payment.Tests.Indigo;

/// <summary>
/// The INDIGO project schema (Schema/project.json, see Schema/README.md) and two checks of a
/// record against it: the schema's own validation, and, since the schema lets any other property
/// through, that every property of the record is one the schema defines.
/// </summary>
public static class IndigoSchema
{
    private static readonly string Text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Indigo", "Schema", "project.json"));
    private static readonly JsonSchema Schema = JsonSchema.FromText(Text);
    private static readonly JsonNode Document = JsonNode.Parse(Text)!;

    /// <summary>The schema's errors, by instance location; empty when the record is valid.</summary>
    public static IReadOnlyList<string> Errors(string recordJson)
    {
        using var record = JsonDocument.Parse(recordJson);
        var results = Schema.Evaluate(record.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}"))
            .DefaultIfEmpty("invalid, with no detail")];
    }

    /// <summary>Every property path of the record that the schema does not define.</summary>
    public static IReadOnlyList<string> UndefinedProperties(string recordJson)
    {
        var undefined = new List<string>();
        Walk(JsonNode.Parse(recordJson)!, Document, "", undefined);
        return undefined;
    }

    private static void Walk(JsonNode instance, JsonNode schema, string path, List<string> undefined)
    {
        schema = Resolve(schema);
        switch (instance)
        {
            case JsonObject obj:
                var properties = schema["properties"]?.AsObject();
                foreach (var (name, value) in obj)
                {
                    if (properties?[name] is not { } property) undefined.Add($"{path}/{name}");
                    else if (value is not null) Walk(value, property, $"{path}/{name}", undefined);
                }
                break;
            case JsonArray array when schema["items"] is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item) Walk(item, items, $"{path}/{i}", undefined);
                }
                break;
        }
    }

    private static JsonNode Resolve(JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/definitions/", StringComparison.Ordinal)
            ? Resolve(Document["definitions"]![reference["#/definitions/".Length..]]!)
            : schema;
}
