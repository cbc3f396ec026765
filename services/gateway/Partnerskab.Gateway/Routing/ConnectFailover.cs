using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Partnerskab.Gateway.Routing;

/// <summary>
/// A request the gateway could not open a connection for goes to another instance of the service, each instance tried at
/// most once: nothing of it reached the first, so it cannot have been carried out there. A request that an instance
/// took and then failed on (killed mid-call) is not sent again, since it may have been; its caller gets Unavailable.
/// </summary>
public sealed class ConnectFailover(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var tried = new List<DestinationState>();
        while (true)
        {
            await next(context);
            if (context.Response.HasStarted || !NeverConnected(context.Features.Get<IForwarderErrorFeature>()) || proxy.ProxiedDestination is not { } failed)
            {
                return;
            }
            tried.Add(failed);
            var untried = proxy.AllDestinations.Except(tried).ToList();
            if (untried.Count == 0) return;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            proxy.AvailableDestinations = untried;
        }
    }

    private static bool NeverConnected(IForwarderErrorFeature? failure) =>
        failure is { Error: ForwarderError.Request } && IsConnectionError(failure.Exception);

    private static bool IsConnectionError(Exception? exception) => exception switch
    {
        null => false,
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => true,
        _ => IsConnectionError(exception.InnerException),
    };
}
