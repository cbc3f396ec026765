using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using Yarp.ReverseProxy.Transforms;

namespace Partnerskab.Gateway.Problems;

/// <summary>
/// Turns a service's transcoded error (the google.rpc.Status as JSON: code, message and details,
/// of which google.rpc.BadRequest's field violations are kept) into problem details; an error
/// without such a body (the service's own 401, say) becomes the problem of its HTTP status.
/// </summary>
public static partial class BackendErrorTranslation
{
    private const string BadRequestType = "type.googleapis.com/google.rpc.BadRequest";

    public static async ValueTask TranslateAsync(ResponseTransformContext context)
    {
        if (context.ProxyResponse is not { } response || (int)response.StatusCode < 400) return;

        var body = await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted);
        context.SuppressResponseBody = true;
        var request = context.HttpContext.Request;
        await (Parse(body) ?? FromHttpStatus((int)response.StatusCode, request)).WriteAsync(context.HttpContext.Response);
    }

    private static Problem? Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.Number)
            {
                return null;
            }
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
            return Problem.FromGrpc((StatusCode)code.GetInt32(), message, Violations(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<FieldViolation> Violations(JsonElement status)
    {
        var found = new List<FieldViolation>();
        if (!status.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array) return found;
        foreach (var detail in details.EnumerateArray())
        {
            if (detail.ValueKind != JsonValueKind.Object || Text(detail, "@type") != BadRequestType
                || !detail.TryGetProperty("fieldViolations", out var violations) || violations.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            found.AddRange(violations.EnumerateArray().Select(v => new FieldViolation(JsonFieldName(Text(v, "field")), Text(v, "description"))));
        }
        return found;
    }

    private static string Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>A proto field path (definitions[0].milestone_code) as the JSON names it (definitions[0].milestoneCode).</summary>
    public static string JsonFieldName(string protoPath) => SnakeCase().Replace(protoPath, match => match.Groups[1].Value.ToUpperInvariant());

    // A 404 without a status body comes from the service's routing, not from a handler: the
    // service has no such route, which must not read as "no such resource".
    private static Problem FromHttpStatus(int status, HttpRequest request)
    {
        if (status == StatusCodes.Status404NotFound) return Problem.NoRoute(request.Method, request.Path);
        var code = status switch
        {
            StatusCodes.Status401Unauthorized => StatusCode.Unauthenticated,
            StatusCodes.Status403Forbidden => StatusCode.PermissionDenied,
            StatusCodes.Status429TooManyRequests => StatusCode.ResourceExhausted,
            StatusCodes.Status503ServiceUnavailable => StatusCode.Unavailable,
            >= 400 and < 500 => StatusCode.InvalidArgument,
            _ => StatusCode.Internal,
        };
        return Problem.FromGrpc(code, GrpcStatusMapping.HttpStatusOf(code).Title, []);
    }

    [GeneratedRegex("_([a-z0-9])")]
    private static partial Regex SnakeCase();
}
