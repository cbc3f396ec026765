using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Partnerskab.Gateway.Dates;
using Partnerskab.Gateway.Problems;

namespace Partnerskab.Gateway.Jobs;

/// <summary>
/// A row's JSON as the row message of its stream or call, read the way the REST API reads a body
/// (lowerCamelCase names, enums by name, dates as YYYY-MM-DD, numbers also as strings), or the
/// fields that cannot be read, each named.
/// </summary>
public static class RowMessages
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static (IMessage? Message, IReadOnlyList<FieldViolation> Violations) Parse(JsonObject fields, MessageDescriptor descriptor)
    {
        var violations = new List<FieldViolation>();
        var json = (JsonObject)fields.DeepClone();
        DateJson.ToProto(json, descriptor, "", violations);
        if (violations.Count > 0) return (null, violations);
        try
        {
            return (Parser.Parse(json.ToJsonString(), descriptor), []);
        }
        catch (InvalidProtocolBufferException)
        {
            // Read again field by field, to say which.
        }
        foreach (var (name, value) in json)
        {
            var field = descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name);
            if (field is null)
            {
                violations.Add(new FieldViolation(name, "is not a field of this row"));
                continue;
            }
            try
            {
                Parser.Parse(new JsonObject { [name] = value?.DeepClone() }.ToJsonString(), descriptor);
            }
            catch (InvalidProtocolBufferException)
            {
                violations.Add(new FieldViolation(field.JsonName, Describe(field)));
            }
        }
        if (violations.Count == 0) violations.Add(new FieldViolation("row", "cannot be read"));
        return (null, violations);
    }

    // The value is not repeated back: a CPR number in the wrong column must not reach the results.
    private static string Describe(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Enum => $"is not one of {string.Join(", ", field.EnumType.Values.Skip(1).Select(v => v.Name))}",
        FieldType.Int32 or FieldType.Int64 or FieldType.SInt32 or FieldType.SInt64 or FieldType.UInt32 or FieldType.UInt64
            or FieldType.Fixed32 or FieldType.Fixed64 or FieldType.SFixed32 or FieldType.SFixed64 => "is not a whole number",
        FieldType.Bool => "is not true or false",
        _ => $"is not a {field.FieldType.ToString().ToLowerInvariant()}",
    };
}
