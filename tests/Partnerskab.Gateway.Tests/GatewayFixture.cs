using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Tokens;

namespace Partnerskab.Gateway.Tests;

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}

/// <summary>The three services and the gateway in front of them, as real processes, shared by the gateway tests.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private LocalSuite? suite;
    private LocalGateway? gateway;

    public LocalSuite Suite => suite ?? throw new InvalidOperationException("The suite did not start.");
    public LocalGateway Gateway => gateway ?? throw new InvalidOperationException("The gateway did not start.");

    /// <summary>The largest request body the gateway forwards here: small, so a test can exceed it cheaply.</summary>
    public const int BodyLimit = 64 * 1024;

    /// <summary>The largest bulk file the gateway takes here: a 20,000-row file fits, a test can exceed it cheaply.</summary>
    public const int JobFileLimit = 2 * 1024 * 1024;

    /// <summary>Where every process exports its traces.</summary>
    public OtlpTraceReceiver Traces { get; } = new(TestEnvironment.FreePort());

    public async Task InitializeAsync()
    {
        await Traces.StartAsync();
        var telemetry = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Traces.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "60000",
            ["Logging__LogLevel__Default"] = "Information",
        };
        suite = await LocalSuite.StartAsync("gw", telemetry);
        gateway = await LocalGateway.StartAsync(suite, new Dictionary<string, string>(telemetry)
        {
            ["Gateway__MaxRequestBodyBytes"] = BodyLimit.ToString(),
            ["Jobs__MaxFileBytes"] = JobFileLimit.ToString(),
            // Chunks small enough that a test file of 25,000 citizens goes in three streams.
            ["Jobs__CitizenChunkRows"] = "10000",
        });
    }

    /// <summary>A client of the gateway calling as the suite's operator (every role, every partnership).</summary>
    public HttpClient Client(Version? version = null) => Gateway.Client(Suite.TokenFor(LocalSuite.Operator), version);

    public HttpClient ClientAs(TokenSubject subject) => Gateway.Client(Suite.TokenFor(subject));

    public async Task DisposeAsync()
    {
        if (gateway is not null) await gateway.DisposeAsync();
        if (suite is not null) await suite.DisposeAsync();
        await Traces.DisposeAsync();
    }
}
