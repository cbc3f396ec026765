using System.Security.Cryptography;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using Partnerskab.Tokens;
using Respawn;
using Xunit;

namespace Partnerskab.Testing.InProcess;

/// <summary>
/// One service hosted in the test process (<see cref="WebApplicationFactory{TEntryPoint}"/>): its
/// real start-up code on a database of its own in the PostgreSQL that tests/run.sh started
/// (migrated once, by the service itself, as it starts), talking to a RabbitMQ virtual host of its
/// own on that node, trusting a key directory of its own. Its gRPC clients call through the test
/// server's handler with tokens signed as the end-to-end tests sign them. <see cref="ResetAsync"/>
/// empties every table but the migration history between tests.
/// </summary>
public abstract class InProcessService<TEntryPoint, TClient> : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
    where TClient : ClientBase<TClient>
{
    private readonly string name;
    private readonly string service;
    private readonly string virtualHost;
    private Respawner? respawner;
    private InProcessClient<TClient>? operatorClient;

    protected InProcessService(string service)
    {
        this.service = service;
        name = $"inproc_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}_{service}";
        virtualHost = name;
        Keys = KeyDirectory.Ensure(Path.Combine(Path.GetTempPath(), $"partnerskab-keys-{name}"), [service]);
    }

    /// <summary>The tests' default caller: every role that changes or reads data, for every partnership.</summary>
    public static TokenSubject Operator => LocalSuite.Operator;

    public KeyDirectory Keys { get; }

    /// <summary>The service's client calling as <see cref="Operator"/>.</summary>
    public TClient Client => (operatorClient ?? throw new InvalidOperationException("The service did not start.")).Client;

    public string ConnectionString => $"{TestEnvironment.PostgresConnectionString};Database={name}";

    /// <summary>Services that replace the service's own, for tests that need to (e.g. a fake clock).</summary>
    protected virtual void ConfigureTestServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
    }

    /// <summary>Settings of this service on top of the common ones (database, broker, keys).</summary>
    protected virtual IReadOnlyDictionary<string, string> ServiceSettings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string>(ServiceSettings)
        {
            ["ConnectionStrings:Database"] = ConnectionString,
            ["RabbitMq:Port"] = TestEnvironment.RabbitMqPort.ToString(),
            ["RabbitMq:VirtualHost"] = virtualHost,
            ["Auth:TrustedKeysFile"] = Keys.TrustedKeysFile,
            ["Auth:ServiceKeyFile"] = Keys.PrivateKeyFile(SigningKeys.ServiceIssuer(service)),
            // Kestrel's ports are required settings; the test server stands in for Kestrel and listens on none.
            ["Service:GrpcPort"] = "1",
            ["Service:HttpPort"] = "2",
            // The tests make their own first call (WarmUpAsync), and no port answers a loopback call.
            ["WarmUp:Enabled"] = "false",
        };
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    public async Task InitializeAsync()
    {
        await TestVirtualHost.CreateAsync(virtualHost);
        operatorClient = ClientFor(Operator); // starts the service, which migrates its database
        await WarmUpAsync(operatorClient.Client);
        await using var connection = await OpenAsync();
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = ["__EFMigrationsHistory"],
        });
    }

    /// <summary>
    /// One authenticated read, answered before the tests start: the first call compiles the
    /// request path (gRPC, token validation, EF queries), which on a busy machine can take longer
    /// than a test's deadline; the tests measure behaviour, not start-up.
    /// </summary>
    protected abstract Task WarmUpAsync(TClient client);

    /// <summary>
    /// Empties every table but the migration history. The append-only triggers (the audit log,
    /// the ledger) are set aside for this one session, as only a superuser can.
    /// </summary>
    public virtual async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }
        await (respawner ?? throw new InvalidOperationException("The service did not start.")).ResetAsync(connection);
    }

    /// <summary>A token of the token service for the subject, valid for an hour.</summary>
    public string TokenFor(TokenSubject subject) =>
        new TokenIssuer(Keys.PrivateKey(SigningKeys.TokenServiceIssuer)).Issue(subject, TimeSpan.FromHours(1));

    /// <summary>A channel through the test server whose calls carry the bearer token (none: anonymous calls); the caller disposes it.</summary>
    public BearerChannel ChannelFor(string? bearerToken) => new(GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(),
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    }), bearerToken);

    public BearerChannel ChannelFor(TokenSubject subject) => ChannelFor(TokenFor(subject));

    /// <summary>The service's client calling as the subject; the caller disposes it.</summary>
    public InProcessClient<TClient> ClientFor(TokenSubject subject) => new(ChannelFor(subject));

    /// <summary>The service's client sending the bearer token (none: anonymous calls); the caller disposes it.</summary>
    public InProcessClient<TClient> ClientFor(string? bearerToken) => new(ChannelFor(bearerToken));

    /// <summary>
    /// Row counts of every table but the audit log (unless asked for), which records a refused
    /// call to a citizen-level RPC on purpose. A call's writes are committed before it answers,
    /// and nothing else writes to this database, so there is nothing to wait for.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> RowCountsAsync(bool withAuditLog = false)
    {
        await using var connection = await OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND (@audit OR tablename <> 'audit_entries') ORDER BY tablename", connection)
            { Parameters = { new("audit", withAuditLog) } })
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        operatorClient?.Dispose();
        await DisposeAsync();
        await using (var postgres = new NpgsqlConnection(TestEnvironment.PostgresConnectionString))
        {
            await postgres.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", postgres);
            await drop.ExecuteNonQueryAsync();
        }
        await TestVirtualHost.DeleteAsync(virtualHost);
        Directory.Delete(Keys.Path, recursive: true);
    }
}
