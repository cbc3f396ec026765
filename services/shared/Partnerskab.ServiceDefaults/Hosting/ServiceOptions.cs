namespace Partnerskab.ServiceDefaults.Hosting;

/// <summary>Where a service listens. Bound from the "Service" configuration section.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>Loopback by default; containers set 0.0.0.0.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>The HTTP/2-only (h2c) endpoint for gRPC.</summary>
    public int GrpcPort { get; set; }

    /// <summary>The HTTP/1.1 endpoint for health checks and metrics.</summary>
    public int HttpPort { get; set; }
}
