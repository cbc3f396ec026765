using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using Partnerskab.Gateway.Dates;
using Partnerskab.Gateway.Routing;

namespace Partnerskab.Gateway.OpenApi;

/// <summary>
/// The OpenAPI 3 document of the REST API, generated from the protos' google.api.http routes and
/// messages, as the services' JSON transcoding reads and writes them: lowerCamelCase names,
/// enums by name, int64 (money in øre) as JSON integers, dates as "YYYY-MM-DD" (the gateway
/// rewrites google.type.Date), errors as problem details. Committed as openapi/v1.json; a test fails when it is out of date.
/// </summary>
public static partial class OpenApiDocument
{
    public const string ResourceName = "openapi-v1.json";

    /// <summary>Where the gateway serves the committed document.</summary>
    public const string ServedPath = "/openapi/v1.json";

    private const string ProblemSchema = "Problem";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Generate() => Build().ToJsonString(Indented) + "\n";

    /// <summary>The committed document, as the gateway serves it.</summary>
    public static Stream Committed() =>
        typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The gateway was built without {ResourceName}.");

    private static JsonObject Build()
    {
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var paths = new JsonObject();
        var operationIds = new HashSet<string>();
        foreach (var route in SuiteService.Descriptors.SelectMany(RestRoute.Of).OrderBy(r => r.PathTemplate, StringComparer.Ordinal))
        {
            var path = paths[route.PathTemplate] as JsonObject ?? new JsonObject();
            paths[route.PathTemplate] = path;
            path[route.HttpMethod.ToLowerInvariant()] = Operation(route, schemas, operationIds);
        }
        JobsOpenApi.Add(paths, schemas, ProblemResponse);
        schemas[ProblemSchema] = Problem();

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "Partnerskab API",
                ["version"] = "v1",
                ["description"] = "REST/JSON for the Partnerskab suite: social-impact partnerships, their citizens, outcomes and payments. " +
                    "Every route is the JSON form of one gRPC method. Money is whole øre (1/100 DKK) as an integer; dates are " +
                    "YYYY-MM-DD strings; enums are their names. CPR numbers travel only in request bodies. Bulk files (CSV or NDJSON) are " +
                    "posted as jobs, which the gateway runs as the caller.",
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "the gateway that serves this document" }),
            ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
            ["tags"] = new JsonArray([.. SuiteService.Descriptors.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Name,
                ["description"] = $"{s.FullName}: the {s.Name.Replace("Service", "").ToLowerInvariant()} service.",
            }), JobsOpenApi.TagObject()]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT" },
                },
                ["schemas"] = new JsonObject([.. schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]),
            },
        };
    }

    private static JsonObject Operation(RestRoute route, IDictionary<string, JsonNode> schemas, HashSet<string> operationIds)
    {
        var rpc = route.Rpc;
        var operationId = $"{rpc.Service.Name}_{rpc.Name}";
        for (var n = 2; !operationIds.Add(operationId); n++) operationId = $"{rpc.Service.Name}_{rpc.Name}{n}";

        var pathFields = PathVariable().Matches(route.PathTemplate).Select(m => m.Groups[1].Value).ToHashSet();
        var parameters = new JsonArray([.. pathFields.Select(name => (JsonNode)new JsonObject
        {
            ["name"] = name,
            ["in"] = "path",
            ["required"] = true,
            ["schema"] = new JsonObject { ["type"] = "string" },
        })]);
        if (!route.HasBody)
        {
            foreach (var field in rpc.InputType.Fields.InFieldNumberOrder().Where(f => !pathFields.Contains(f.Name)))
            {
                foreach (var (name, schema) in QueryParameters(field, "", schemas)) parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = schema });
            }
        }

        var operation = new JsonObject
        {
            ["operationId"] = operationId,
            ["summary"] = Words(rpc.Name),
            ["description"] = $"The gRPC method {rpc.FullName}.",
            ["tags"] = new JsonArray(rpc.Service.Name),
        };
        if (parameters.Count > 0) operation["parameters"] = parameters;
        if (route.HasBody)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Reference(rpc.InputType, schemas) } },
            };
        }
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "The answer.",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Reference(rpc.OutputType, schemas) } },
            },
            ["4XX"] = ProblemResponse("The request was refused: invalid (400), not authenticated (401), not allowed (403), not found (404), in conflict (409), too large (413), not JSON (415) or too many (429)."),
            ["5XX"] = ProblemResponse("The suite could not answer: a service is unavailable (503) or failed (500)."),
        };
        return operation;
    }

    // A GET takes its fields as query parameters; a message field by its fields (filter.subject=...), a date whole (asOf=2024-03-01).
    private static IEnumerable<(string Name, JsonNode Schema)> QueryParameters(FieldDescriptor field, string prefix, IDictionary<string, JsonNode> schemas)
    {
        var name = prefix + field.JsonName;
        if (field.FieldType == FieldType.Message && !field.IsRepeated && field.MessageType.FullName != "google.protobuf.Timestamp" && !DateJson.IsDate(field))
        {
            return field.MessageType.Fields.InFieldNumberOrder().SelectMany(f => QueryParameters(f, name + ".", schemas));
        }
        return [(name, FieldSchema(field, schemas))];
    }

    private static JsonObject ProblemResponse(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = $"#/components/schemas/{ProblemSchema}" } } },
    };

    private static JsonObject Reference(MessageDescriptor message, IDictionary<string, JsonNode> schemas)
    {
        if (!schemas.ContainsKey(message.FullName))
        {
            schemas[message.FullName] = new JsonObject(); // placed first: a message may refer to itself
            schemas[message.FullName] = MessageSchema(message, schemas);
        }
        return new JsonObject { ["$ref"] = $"#/components/schemas/{message.FullName}" };
    }

    private static JsonObject MessageSchema(MessageDescriptor message, IDictionary<string, JsonNode> schemas) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject([.. message.Fields.InFieldNumberOrder().Select(f => KeyValuePair.Create(f.JsonName, (JsonNode?)FieldSchema(f, schemas)))]),
    };

    private static JsonNode FieldSchema(FieldDescriptor field, IDictionary<string, JsonNode> schemas)
    {
        JsonObject single = field.FieldType switch
        {
            FieldType.Double or FieldType.Float => new() { ["type"] = "number" },
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 => new() { ["type"] = "integer", ["format"] = "int32" },
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 => new() { ["type"] = "integer", ["format"] = "int64" },
            FieldType.Bool => new() { ["type"] = "boolean" },
            FieldType.String => new() { ["type"] = "string" },
            FieldType.Bytes => new() { ["type"] = "string", ["format"] = "byte", ["description"] = "Base64." },
            FieldType.Enum => new() { ["type"] = "string", ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => (JsonNode)v.Name)]) },
            FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp" => new() { ["type"] = "string", ["format"] = "date-time" },
            FieldType.Message when DateJson.IsDate(field) => new() { ["type"] = "string", ["format"] = "date", ["description"] = "YYYY-MM-DD." },
            FieldType.Message => Reference(field.MessageType, schemas),
            _ => throw new InvalidOperationException($"{field.FullName}: no JSON schema for {field.FieldType}."),
        };
        if (field.Name.EndsWith("_ore", StringComparison.Ordinal) && !single.ContainsKey("$ref"))
        {
            single["description"] = "Whole øre (1/100 DKK).";
        }
        if (field.IsMap)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = FieldSchema(field.MessageType.FindFieldByNumber(2), schemas) };
        }
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = single } : single;
    }

    private static JsonObject Problem() => new()
    {
        ["type"] = "object",
        ["description"] = "RFC 9457 problem details.",
        ["required"] = new JsonArray("type", "title", "status"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["description"] = "urn:partnerskab:problem:<kind>, e.g. invalid-argument, not-found, no-route." },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["grpcCode"] = new JsonObject { ["type"] = "string", ["description"] = "The gRPC status the call ended with (INVALID_ARGUMENT...); absent when the gateway refused the request itself." },
            ["violations"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject { ["field"] = new JsonObject { ["type"] = "string" }, ["description"] = new JsonObject { ["type"] = "string" } },
                },
            },
            ["limit"] = new JsonObject { ["type"] = "integer", ["format"] = "int64", ["description"] = "For 413: the largest body accepted, in bytes (too-many-rows: the most rows a file may have)." },
            ["traceId"] = new JsonObject { ["type"] = "string" },
        },
    };

    private static string Words(string pascal) => string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));

    [GeneratedRegex("{([a-z_]+)}")]
    private static partial Regex PathVariable();
}
