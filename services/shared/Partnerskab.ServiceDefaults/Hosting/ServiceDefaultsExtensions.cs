using System.Net;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>Health checks with this tag must pass before the service takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Kestrel endpoints (gRPC on an HTTP/2-only port, health on an HTTP/1.1 port), gRPC with the
    /// suite's error interceptor, JSON transcoding of the RPCs' google.api.http routes (so a REST
    /// call from the gateway meets the same interceptors as the gRPC call it names), bearer tokens and the service's access policy, health,
    /// reflection, a warm-up before readiness (<see cref="ServiceWarmUp"/>), telemetry and the clock (which a historical load may set back: <see cref="RecordedAtInterceptor"/>); the audit log of the calls the audit policy names
    /// (outermost, so it records the status the caller gets).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName, AccessPolicy access, AuditPolicy audit)
    {
        var options = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        if (options.GrpcPort <= 0 || options.HttpPort <= 0)
        {
            throw new InvalidOperationException(
                $"Configure {ServiceOptions.Section}:GrpcPort and {ServiceOptions.Section}:HttpPort (environment Service__GrpcPort, Service__HttpPort).");
        }
        builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection(ServiceOptions.Section));

        var address = IPAddress.Parse(options.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));

        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<AuditInterceptor>();
            grpc.Interceptors.Add<ErrorInterceptor>();
            grpc.Interceptors.Add<AccessInterceptor>();
            grpc.Interceptors.Add<RecordedAtInterceptor>();
            grpc.MaxReceiveMessageSize = 4 * 1024 * 1024;
            grpc.EnableDetailedErrors = false;
        }).AddJsonTranscoding(transcoding =>
        {
            // Money in øre as JSON integers, not the proto3 JSON strings.
            transcoding.JsonSettings = new GrpcJsonSettings { WriteInt64sAsStrings = false };
            // The error body carries the status's details; without BadRequest here it fails to serialize.
            transcoding.TypeRegistry = TypeRegistry.FromMessages(BadRequest.Descriptor);
        });
        // Replaces grpc-dotnet's own binder (an internal open generic) with one that refuses malformed requests cleanly.
        var defaultBinder = builder.Services.Single(service => service.ServiceType == typeof(IServiceMethodProvider<>)
            && service.ImplementationType?.Name == "BinderServiceMethodProvider`1");
        builder.Services.Remove(defaultBinder);
        builder.Services.AddSingleton(typeof(IServiceMethodProvider<>), typeof(ValidatingMethodProvider<>));
        builder.AddAccessControl(serviceName, access);
        builder.Services.AddSingleton(audit);
        builder.Services.AddGrpcReflection();
        builder.Services.Configure<ShutdownOptions>(builder.Configuration.GetSection(ShutdownOptions.Section));
        builder.Services.AddSingleton<ShutdownDrain>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ShutdownDrain>());
        builder.Services.Configure<WarmUpOptions>(builder.Configuration.GetSection(WarmUpOptions.Section));
        builder.Services.AddSingleton<ServiceWarmUp>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ServiceWarmUp>());
        builder.Services.AddGrpcHealthChecks()
            .AddCheck<ShutdownDrain>("shutdown", tags: [ReadyTag])
            .AddCheck<ServiceWarmUp>("warm-up", tags: [ReadyTag]);
        builder.Services.AddSingleton<IClock>(new RecordingClock(SystemClock.Instance));

        // EF and ASP.NET Core log every command and request at Information; those belong in
        // traces, not in the log.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddTelemetry(serviceName);
        return builder;
    }

    /// <summary>
    /// Authentication on every endpoint but the health checks: grpc.health.v1 and reflection on
    /// the gRPC port; /health/live and /health/ready on the HTTP port.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>()!;
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService();

        var httpHost = $"*:{options.HttpPort}";
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).RequireHost(httpHost).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .RequireHost(httpHost).AllowAnonymous();
        return app;
    }
}
