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

    public async Task InitializeAsync()
    {
        suite = await LocalSuite.StartAsync("gw", new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Information" });
        gateway = await LocalGateway.StartAsync(suite, new Dictionary<string, string>
        {
            ["Gateway__MaxRequestBodyBytes"] = BodyLimit.ToString(),
            ["Logging__LogLevel__Default"] = "Information",
        });
    }

    /// <summary>A client of the gateway calling as the suite's operator (every role, every partnership).</summary>
    public HttpClient Client(Version? version = null) => Gateway.Client(Suite.TokenFor(LocalSuite.Operator), version);

    public HttpClient ClientAs(TokenSubject subject) => Gateway.Client(Suite.TokenFor(subject));

    public async Task DisposeAsync()
    {
        if (gateway is not null) await gateway.DisposeAsync();
        if (suite is not null) await suite.DisposeAsync();
    }
}
