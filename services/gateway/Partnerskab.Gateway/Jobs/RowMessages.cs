using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
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

    public static (IMessage? Message, IReadOnlyList<FieldViolation> Violations) Parse(JsonObject fields, MessageDescriptor descriptor) =>
        Plain(fields, descriptor) is { } message ? (message, []) : ParseAsJson(fields, descriptor);

    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> FieldsByName = new();

    /// <summary>
    /// The common row, set field by field: every value a string or a whole number, every field a
    /// string, a whole number, an enum or a date, each value one the JSON parser reads the same
    /// way. Anything else (or any value in doubt) is null, for the JSON parser to read and, where
    /// it cannot, to say why. A large file's rows are read a hundred thousand at a time, and the
    /// JSON parser's round trip through text was most of the gateway's work per row.
    /// </summary>
    private static IMessage? Plain(JsonObject fields, MessageDescriptor descriptor)
    {
        var byName = FieldsByName.GetOrAdd(descriptor, d => d.Fields.InDeclarationOrder()
            .SelectMany(f => new[] { (f.JsonName, Field: f), (f.Name, Field: f) }).DistinctBy(n => n.Item1).ToDictionary(n => n.Item1, n => n.Field, StringComparer.Ordinal));
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var (name, node) in fields)
        {
            if (node is not JsonValue value || !byName.TryGetValue(name, out var field) || field.IsRepeated || field.IsMap) return null;
            if (PlainValue(value, field) is not { } plain) return null;
            field.Accessor.SetValue(message, plain);
        }
        return message;
    }

    private static object? PlainValue(JsonValue value, FieldDescriptor field)
    {
        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        return field.FieldType switch
        {
            FieldType.String => text,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => text is null ? (value.TryGetValue<int>(out var number) ? number : null) : WholeNumber(text),
            FieldType.Enum when text is not null && field.EnumType.FindValueByName(text) is { } named => named.Number,
            FieldType.Message when text is not null && DateJson.IsDate(field) && DateJson.Parse(text) is { } date =>
                new Google.Type.Date { Year = (int)date["year"]!, Month = (int)date["month"]!, Day = (int)date["day"]! },
            _ => null,
        };
    }

    /// <summary>Digits without leading zeros, with an optional minus sign, within an int: what the JSON parser reads as that number without doubt.</summary>
    private static object? WholeNumber(string text) =>
        text.AsSpan(text.StartsWith('-') ? 1 : 0) is { Length: > 0 and <= 10 } digits && !digits.ContainsAnyExceptInRange('0', '9')
        && (digits[0] != '0' || text == "0")
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static (IMessage? Message, IReadOnlyList<FieldViolation> Violations) ParseAsJson(JsonObject fields, MessageDescriptor descriptor)
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
