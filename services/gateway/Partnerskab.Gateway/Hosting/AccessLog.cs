using System.Diagnostics;
using Partnerskab.Tokens;

namespace Partnerskab.Gateway.Hosting;

/// <summary>
/// One line per request: method, path, status, time taken and the caller's subject. Never the
/// body (where CPR numbers travel) nor the query string (where a caller could put anything).
/// </summary>
public sealed class AccessLog(RequestDelegate next, ILogger<AccessLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            logger.LogInformation("{Method} {Path} {Protocol} -> {Status} in {Milliseconds:F1} ms, subject {Subject}",
                context.Request.Method, context.Request.Path.Value, context.Request.Protocol, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.User.FindFirst(SuiteClaims.Subject)?.Value ?? "-");
        }
    }
}
