using Grpc.Core;

namespace Partnerskab.Portal.Hosting;

/// <summary>
/// Turns a service's refusal into the page's status (the status code pages then show a page
/// for it): a partnership outside the person's scope is 403, an unknown one 404, bad input 400.
/// Anything else remains an error.
/// </summary>
public sealed class ServiceErrorMiddleware(RequestDelegate next, ILogger<ServiceErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RpcException e) when (!context.Response.HasStarted && StatusFor(e.StatusCode) is { } status)
        {
            logger.LogInformation("A service refused {Path}: {Status}", context.Request.Path, e.StatusCode);
            context.Response.Clear();
            context.Response.StatusCode = status;
        }
    }

    private static int? StatusFor(StatusCode code) => code switch
    {
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.InvalidArgument => StatusCodes.Status400BadRequest,
        _ => null,
    };
}
