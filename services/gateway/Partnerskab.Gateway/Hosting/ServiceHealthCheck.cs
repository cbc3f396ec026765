using Grpc.Net.Client;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Partnerskab.Gateway.Routing;

namespace Partnerskab.Gateway.Hosting;

/// <summary>
/// Whether a service behind the gateway answers its grpc.health.v1 check (any of its instances): the gateway is ready
/// only when all three do.
/// </summary>
public sealed class ServiceHealthCheck(SuiteService service) : IHealthCheck, IDisposable
{
    private readonly GrpcChannel channel = service.Instances.Channel();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(),
                deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{service.Name} is {reply.Status}");
        }
        catch (Grpc.Core.RpcException e)
        {
            return HealthCheckResult.Unhealthy($"{service.Name} did not answer: {e.StatusCode}");
        }
    }

    public void Dispose() => channel.Dispose();
}
