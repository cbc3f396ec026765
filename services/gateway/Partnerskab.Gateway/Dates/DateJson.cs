using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Partnerskab.Gateway.Problems;

namespace Partnerskab.Gateway.Dates;

/// <summary>
/// Dates in the REST API are "YYYY-MM-DD" strings; the services' transcoding speaks
/// google.type.Date as {year, month, day}. This walks a message's JSON by its descriptor and
/// rewrites every date field one way or the other. A request may still send the object form.
/// </summary>
public static class DateJson
{
    public const string DateMessage = "google.type.Date";

    /// <summary>Request JSON as the services read it; a date string that is not YYYY-MM-DD is a violation of its field.</summary>
    public static void ToProto(JsonObject json, MessageDescriptor message, string path, List<FieldViolation> violations) =>
        Walk(json, message, path, (value, field) =>
            value is JsonValue text && text.TryGetValue<string>(out var date)
                ? ParseOrViolation(date, field, violations)
                : value);

    /// <summary>Response JSON as REST callers read it.</summary>
    public static void FromProto(JsonObject json, MessageDescriptor message) =>
        Walk(json, message, "", (value, _) =>
            value is JsonObject date && date["year"] is { } year && date["month"] is { } month && date["day"] is { } day
                ? JsonValue.Create($"{(int)year:D4}-{(int)month:D2}-{(int)day:D2}")
                : value);

    public static bool IsDate(FieldDescriptor field) => field.FieldType == FieldType.Message && field.MessageType.FullName == DateMessage;

    /// <summary>"2024-03-01" as {year, month, day}, or null when it is not of that form.</summary>
    public static JsonObject? Parse(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && int.TryParse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            ? new JsonObject { ["year"] = year, ["month"] = month, ["day"] = day }
            : null;

    private static JsonNode? ParseOrViolation(string text, string field, List<FieldViolation> violations)
    {
        var parsed = Parse(text);
        if (parsed is null) violations.Add(new FieldViolation(field, "is not a date as YYYY-MM-DD"));
        return parsed;
    }

    private static readonly ConcurrentDictionary<MessageDescriptor, Dictionary<string, FieldDescriptor>> MessageFields = new();

    /// <summary>The message-typed fields of a message, by their JSON name and by their proto name.</summary>
    private static Dictionary<string, FieldDescriptor> MessageFieldsOf(MessageDescriptor message) =>
        MessageFields.GetOrAdd(message, m =>
        {
            var fields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            foreach (var field in m.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.Message && !f.IsMap))
            {
                fields.TryAdd(field.JsonName, field);
                fields.TryAdd(field.Name, field);
            }
            return fields;
        });

    /// <summary>Rewrites the dates in place; a nested message is walked where it stands.</summary>
    private static void Walk(JsonObject json, MessageDescriptor message, string path, Func<JsonNode?, string, JsonNode?> rewriteDate)
    {
        var fields = MessageFieldsOf(message);
        List<(string Name, JsonNode? Date)>? rewritten = null;
        foreach (var (name, value) in json)
        {
            if (value is null || !fields.TryGetValue(name, out var field)) continue;
            var fieldPath = path.Length == 0 ? field.JsonName : $"{path}.{field.JsonName}";
            if (field.IsRepeated && value is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (IsDate(field)) items[i] = rewriteDate(items[i]?.DeepClone(), $"{fieldPath}[{i}]");
                    else if (items[i] is JsonObject nested) Walk(nested, field.MessageType, $"{fieldPath}[{i}]", rewriteDate);
                }
            }
            else if (IsDate(field))
            {
                (rewritten ??= []).Add((name, rewriteDate(value.DeepClone(), fieldPath)));
            }
            else if (value is JsonObject nested)
            {
                Walk(nested, field.MessageType, fieldPath, rewriteDate);
            }
        }
        foreach (var (name, date) in rewritten ?? []) json[name] = date;
    }
}
