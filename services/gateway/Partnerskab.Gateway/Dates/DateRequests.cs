using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Partnerskab.Gateway.Problems;
using Partnerskab.Gateway.Routing;
using Yarp.ReverseProxy.Model;

namespace Partnerskab.Gateway.Dates;

/// <summary>
/// Rewrites a REST request's dates from "YYYY-MM-DD" to the {year, month, day} the service reads:
/// in the JSON body, and in the query string (asOf=2024-03-01 becomes asOf.year=2024&amp;...).
/// A date that is not of that form is a 400 problem naming its field; malformed JSON is left for
/// the service to refuse as it refuses any. The body is in memory already (RestRequestGuard).
/// </summary>
public sealed class DateRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        if (!ProxyRoutes.IsRest(route))
        {
            await next(context);
            return;
        }
        var request = ProxyRoutes.RpcOf(route).InputType;
        var violations = new List<FieldViolation>();
        RewriteQuery(context.Request, request, violations);
        if (ProxyRoutes.TakesJsonBody(route)) await RewriteBodyAsync(context.Request, request, violations);
        if (violations.Count > 0)
        {
            await (Problem.FromGrpc(Grpc.Core.StatusCode.InvalidArgument, "The request is invalid: " +
                string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")), violations)).WriteAsync(context.Response);
            return;
        }
        await next(context);
    }

    private static void RewriteQuery(HttpRequest request, Google.Protobuf.Reflection.MessageDescriptor message, List<FieldViolation> violations)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var rewritten = new List<KeyValuePair<string, StringValues>>();
        foreach (var (name, values) in query)
        {
            var field = message.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == name || f.Name == name);
            if (field is null || !DateJson.IsDate(field) || values is not [{ } text])
            {
                rewritten.Add(new(name, values));
                continue;
            }
            if (DateJson.Parse(text) is not { } date)
            {
                violations.Add(new FieldViolation(field.JsonName, $"'{text}' is not a date as YYYY-MM-DD"));
                continue;
            }
            rewritten.AddRange(date.Select(part => new KeyValuePair<string, StringValues>($"{name}.{part.Key}", part.Value!.ToString())));
        }
        request.QueryString = QueryString.Create(rewritten);
    }

    private static async Task RewriteBodyAsync(HttpRequest request, Google.Protobuf.Reflection.MessageDescriptor message, List<FieldViolation> violations)
    {
        JsonNode? json;
        try
        {
            json = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            json = null;
        }
        request.Body.Position = 0;
        if (json is not JsonObject body) return;

        DateJson.ToProto(body, message, "", violations);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        request.Body = new MemoryStream(bytes);
        request.Headers.TransferEncoding = StringValues.Empty;
        request.ContentLength = bytes.Length;
    }
}
