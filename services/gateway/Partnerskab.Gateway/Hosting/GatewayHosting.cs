using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using NodaTime;
using Partnerskab.Gateway.Dates;
using Partnerskab.Gateway.Idempotency;
using Partnerskab.Gateway.Jobs;
using Partnerskab.Gateway.OpenApi;
using Partnerskab.Gateway.Persistence;
using Partnerskab.Gateway.Problems;
using Partnerskab.Gateway.Routing;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Calling;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.ServiceDefaults.Persistence;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.ServiceDiscovery;
using Yarp.ReverseProxy.Transforms;

namespace Partnerskab.Gateway.Hosting;

public static class GatewayHosting
{
    /// <summary>
    /// HTTPS only on the public port (TLS 1.2 or 1.3, HTTP/1.1 and HTTP/2 by ALPN), health on the
    /// internal HTTP/1.1 port, the suite's bearer tokens, the routes to the services, the
    /// idempotency keys in the gateway's own database, telemetry.
    /// </summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var gateway = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        var service = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        if (gateway.HttpsPort <= 0 || service.HttpPort <= 0)
        {
            throw new InvalidOperationException(
                $"Configure {GatewayOptions.Section}:HttpsPort and {ServiceOptions.Section}:HttpPort (environment Gateway__HttpsPort, Service__HttpPort).");
        }
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection(ServiceOptions.Section));

        var certificate = LoadCertificate(gateway);
        var address = IPAddress.Parse(service.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes;
            kestrel.Listen(address, gateway.HttpsPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = certificate;
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                });
            });
            kestrel.Listen(address, service.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(20));

        builder.AddBearerTokens();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            jwt => jwt.Events.OnChallenge = AnswerUnauthenticatedAsync);

        var services = SuiteService.All(gateway);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(ProxyRoutes.Routes(services), ProxyRoutes.Clusters(services))
            .AddTransforms(transforms =>
            {
                if (!ProxyRoutes.IsRest(transforms.Route)) return;
                var response = ProxyRoutes.RpcOf(transforms.Route).OutputType;
                transforms.AddResponseTransform(context => DateResponses.TranslateAsync(context, response));
                transforms.AddResponseTransform(BackendErrorTranslation.TranslateAsync);
            });
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, UnreachableDestinations>();
        if (services.Any(s => s.Instances.ByDns))
        {
            builder.Services.AddSingleton<IDestinationResolver, PodDestinations>();
        }

        var connectionString = builder.Configuration.GetConnectionString(DatabaseExtensions.ConnectionStringName)
            ?? throw new InvalidOperationException($"Configure ConnectionStrings:{DatabaseExtensions.ConnectionStringName} (environment ConnectionStrings__Database).");
        builder.Services.AddDbContext<GatewayDbContext>(db => db.UsePartnerskabConventions(connectionString));
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection(IdempotencyOptions.Section));
        builder.Services.AddScoped<IdempotencyStore>();
        builder.Services.AddScoped<IdempotentRequests>();
        builder.Services.AddHostedService<IdempotencyKeyPurge>();
        builder.AddBulkJobs(gateway, services);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);

        builder.Services.Configure<ShutdownOptions>(builder.Configuration.GetSection(ShutdownOptions.Section));
        builder.Services.AddSingleton<ShutdownDrain>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<ShutdownDrain>());
        var health = builder.Services.AddHealthChecks()
            .AddCheck<ShutdownDrain>("shutdown", tags: [ServiceDefaultsExtensions.ReadyTag])
            .AddDbContextCheck<GatewayDbContext>(tags: [ServiceDefaultsExtensions.ReadyTag]);
        foreach (var backend in services)
        {
            health.AddCheck(backend.Name, new ServiceHealthCheck(backend), tags: [ServiceDefaultsExtensions.ReadyTag]);
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.AddTelemetry("gateway");
        return builder;
    }

    /// <summary>
    /// Bulk jobs: the kinds of file, the worker that runs them as their callers (with tokens the
    /// gateway signs with its own key), the gRPC clients of the services they stream to.
    /// </summary>
    private static void AddBulkJobs(this WebApplicationBuilder builder, GatewayOptions gateway, IReadOnlyList<SuiteService> services)
    {
        if (string.IsNullOrWhiteSpace(gateway.SigningKeyFile))
        {
            throw new InvalidOperationException(
                $"Configure {GatewayOptions.Section}:SigningKeyFile (environment Gateway__SigningKeyFile): the gateway's private signing key, for running bulk jobs as their callers.");
        }
        builder.Services.Configure<JobOptions>(builder.Configuration.GetSection(JobOptions.Section));
        builder.Services.AddSingleton<JobFileProtection>();
        builder.Services.AddSingleton<CallerTokens>();
        builder.Services.AddSingleton<JobSignal>();
        builder.Services.AddScoped<JobRunner>();
        builder.Services.AddTransient<JobKind, CitizenImportJob>();
        builder.Services.AddTransient<JobKind, WeeklyStatusJob>();
        builder.Services.AddTransient<JobKind, ClaimImportJob>();
        builder.Services.AddTransient<JobKind, BankLineImportJob>();
        builder.Services.AddHostedService<JobWorker>();
        builder.Services.AddHostedService<FinishedJobPurge>();
        // A validation's answer names every row of the file: up to some 15 MB for the largest file.
        var (cohort, outcome, payment) = (Of("cohort"), Of("outcome"), Of("payment"));
        builder.Services.AddGrpcClient<Protos.Cohort.V1.CohortService.CohortServiceClient>(client => client.Address = cohort.Address)
            .ConfigureChannel(channel => channel.MaxReceiveMessageSize = 64 * 1024 * 1024)
            .ConfigureChannel(cohort.Spread);
        builder.Services.AddGrpcClient<Protos.Outcome.V1.OutcomeService.OutcomeServiceClient>(client => client.Address = outcome.Address)
            .ConfigureChannel(channel => channel.MaxReceiveMessageSize = 64 * 1024 * 1024)
            .ConfigureChannel(outcome.Spread);
        builder.Services.AddGrpcClient<Protos.Payment.V1.PaymentService.PaymentServiceClient>(client => client.Address = payment.Address)
            .ConfigureChannel(payment.Spread);

        ServiceInstances Of(string name) => services.Single(s => s.Name == name).Instances;
    }

    /// <summary>
    /// The access log, the health checks (anonymous, on either port), and over TLS only: the
    /// OpenAPI document and the API page (anonymous), the routes to the services for
    /// authenticated callers, and a problem for any other path.
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseMiddleware<AccessLog>();
        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health")) await next(context);
            else await Problem.NoRoute(context.Request.Method, context.Request.Path).WriteAsync(context.Response);
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag) })
            .AllowAnonymous();
        app.MapApiPage();
        app.MapJobs();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ForwardingFailures>();
            proxy.UseMiddleware<RestRequestGuard>();
            proxy.UseMiddleware<DateRequests>();
            proxy.UseMiddleware<IdempotentWrites>();
            proxy.UseMiddleware<ConnectFailover>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        app.MapFallback(context => Problem.NoRoute(context.Request.Method, context.Request.Path).WriteAsync(context.Response));
        return app;
    }

    private static X509Certificate2 LoadCertificate(GatewayOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            throw new InvalidOperationException(
                $"Configure {GatewayOptions.Section}:CertificatePath (environment Gateway__CertificatePath): the server certificate, PEM with Gateway__CertificateKeyPath or PKCS#12 with Gateway__CertificatePassword.");
        }
        return string.IsNullOrWhiteSpace(options.CertificateKeyPath)
            ? X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword)
            : X509Certificate2.CreateFromPemFile(options.CertificatePath, options.CertificateKeyPath);
    }

    private static async Task AnswerUnauthenticatedAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        var detail = context.AuthenticateFailure is null
            ? "The request carries no bearer token (Authorization: Bearer <token>)."
            : "The bearer token is not valid: expired, not yet valid, or not signed by a trusted key.";
        await Problem.FromGrpc(Grpc.Core.StatusCode.Unauthenticated, detail, []).WriteAsync(context.Response);
    }
}
