using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Partnerskab.Gateway.Problems;

/// <summary>
/// A request the gateway could not forward: a body over the limit that announced no length
/// (413, cut off while streaming), or a service that is down or did not answer (503).
/// </summary>
public sealed class ForwardingFailures(RequestDelegate next, IOptions<GatewayOptions> options, ILogger<ForwardingFailures> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<IForwarderErrorFeature>() is not { } failure || context.Response.HasStarted) return;

        if (IsBodyTooLarge(failure.Exception))
        {
            await RestRequestGuard.TooLarge(options.Value.MaxRequestBodyBytes).WriteAsync(context.Response);
            return;
        }
        logger.LogWarning("Forwarding {Method} {Path} failed: {Error}", context.Request.Method, context.Request.Path, failure.Error);
        await Problem.FromGrpc(Grpc.Core.StatusCode.Unavailable, "The service behind this route is not available; try again later.", [])
            .WriteAsync(context.Response);
    }

    // Kestrel's refusal of the body arrives wrapped (in an AggregateException, an HttpRequestException...).
    private static bool IsBodyTooLarge(Exception? exception) => exception switch
    {
        null => false,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsBodyTooLarge),
        _ => IsBodyTooLarge(exception.InnerException),
    };
}
