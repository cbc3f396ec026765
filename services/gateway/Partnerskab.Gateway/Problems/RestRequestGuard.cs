using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Partnerskab.Gateway.Routing;
using Yarp.ReverseProxy.Model;

namespace Partnerskab.Gateway.Problems;

/// <summary>
/// Refuses a REST write whose body is not JSON (415) or is larger than the limit (413, with the
/// limit) before it is forwarded, so the service never sees it; then holds the body in memory,
/// where the date rewriting and the idempotency keys read it before it is forwarded.
/// </summary>
public sealed class RestRequestGuard(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        if (ProxyRoutes.TakesJsonBody(route))
        {
            var limit = options.Value.MaxRequestBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await TooLarge(limit).WriteAsync(context.Response);
                return;
            }
            if (!IsJson(context.Request.ContentType))
            {
                await Problem.Gateway(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type",
                    $"The request body must be JSON (Content-Type: application/json), not '{context.Request.ContentType}'.").WriteAsync(context.Response);
                return;
            }
            try
            {
                await BufferBodyAsync(context.Request);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // A body sent without a length, cut off by Kestrel at the limit.
                await TooLarge(limit).WriteAsync(context.Response);
                return;
            }
        }
        await next(context);
    }

    private static async Task BufferBodyAsync(HttpRequest request)
    {
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        buffer.Position = 0;
        request.Body = buffer;
        request.HttpContext.Response.RegisterForDispose(buffer);
    }

    public static Problem TooLarge(long limit) =>
        Problem.Gateway(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "Request body too large",
            $"The request body is larger than the limit of {limit} bytes.") with { Limit = limit };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
