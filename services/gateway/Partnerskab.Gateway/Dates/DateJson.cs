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

    private static void Walk(JsonObject json, MessageDescriptor message, string path, Func<JsonNode?, string, JsonNode?> rewriteDate)
    {
        foreach (var (name, value) in json.ToList())
        {
            var field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name);
            if (field is null || field.FieldType != FieldType.Message || value is null) continue;
            var fieldPath = path.Length == 0 ? field.JsonName : $"{path}.{field.JsonName}";
            if (field.IsMap)
            {
                continue; // no map of the suite's protos holds dates
            }
            if (field.IsRepeated && value is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++) items[i] = Rewrite(items[i], field, $"{fieldPath}[{i}]", rewriteDate);
            }
            else
            {
                json[name] = Rewrite(value, field, fieldPath, rewriteDate);
            }
        }
    }

    private static JsonNode? Rewrite(JsonNode? value, FieldDescriptor field, string path, Func<JsonNode?, string, JsonNode?> rewriteDate)
    {
        if (IsDate(field)) return rewriteDate(value?.DeepClone(), path);
        if (value is JsonObject nested) Walk(nested, field.MessageType, path, rewriteDate);
        return value?.DeepClone();
    }
}
