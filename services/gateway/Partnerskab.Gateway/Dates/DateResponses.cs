using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;
using Partnerskab.Gateway.Hosting;
using Yarp.ReverseProxy.Transforms;

namespace Partnerskab.Gateway.Dates;

/// <summary>Rewrites the dates of a service's successful JSON answer from {year, month, day} to "YYYY-MM-DD".</summary>
public static class DateResponses
{
    public static async ValueTask TranslateAsync(ResponseTransformContext context, MessageDescriptor response)
    {
        if (context.ProxyResponse is not { IsSuccessStatusCode: true } answer
            || answer.Content.Headers.ContentType is not MediaTypeHeaderValue { MediaType: "application/json" })
        {
            return;
        }
        var json = await JsonNode.ParseAsync(await answer.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted),
            cancellationToken: context.HttpContext.RequestAborted) as JsonObject
            ?? throw new JsonException($"The answer of {response.FullName} is not a JSON object.");
        DateJson.FromProto(json, response);

        context.SuppressResponseBody = true;
        var output = context.HttpContext.Response;
        output.ContentLength = null;
        await JsonSerializer.SerializeAsync(output.Body, json, ApiJson.Options, context.HttpContext.RequestAborted);
    }
}
