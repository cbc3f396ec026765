using System.Security.Cryptography;
using Partnerskab.Scenario;
using Partnerskab.Tokens;

namespace Partnerskab.Testing;

/// <summary>Where the suite keeps its data and sends its messages.</summary>
/// <param name="VirtualHostPerSuite">
/// Whether each suite gets a RabbitMQ virtual host of its own (<see cref="TestVirtualHost"/>), as on
/// the broker several test classes share; a throwaway broker of one suite uses the default one.
/// </param>
public sealed record SuiteInfrastructure(string PostgresConnectionString, ushort RabbitMqPort, bool VirtualHostPerSuite = false)
{
    /// <summary>The PostgreSQL and RabbitMQ that tests/run.sh (or tests/bench.sh) started.</summary>
    public static SuiteInfrastructure FromEnvironment() => new(TestEnvironment.PostgresConnectionString, TestEnvironment.RabbitMqPort, VirtualHostPerSuite: true);
}

/// <summary>
/// The three service processes as users run them, each with its own fresh database in the
/// PostgreSQL that tests/run.sh (or tests/bench.sh) started, or in the given infrastructure,
/// talking through its RabbitMQ, trusting the signing keys of a key directory of their own.
/// With several instances per service, each service's instances share its database and queues,
/// and the outcome instances spread their calls over the cohort instances.
/// </summary>
public sealed class LocalSuite : IAsyncDisposable
{
    private readonly string databasePrefix;
    private readonly SuiteInfrastructure infrastructure;
    private readonly TimeSpan startPatience;

    private LocalSuite(string databasePrefix, IReadOnlyDictionary<string, string> environment, SuiteInfrastructure infrastructure, int instances,
        TimeSpan startPatience)
    {
        this.startPatience = startPatience;
        this.databasePrefix = databasePrefix;
        this.infrastructure = infrastructure;
        RabbitMqVirtualHost = infrastructure.VirtualHostPerSuite ? databasePrefix : "/";
        Keys = KeyDirectory.Ensure(Path.Combine(Path.GetTempPath(), $"partnerskab-keys-{databasePrefix}"), ServiceNames);
        var pseudonymKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var ordinals = Enumerable.Range(1, instances).ToList();
        Cohorts = [.. ordinals.Select(i => Create("cohort", "Cohort", i, environment, new() { ["Pseudonym__Key"] = pseudonymKey }))];
        var cohortAddresses = instances == 1
            ? new Dictionary<string, string> { ["Services__CohortUrl"] = Cohort.GrpcUrl.ToString() }
            : Cohorts.Select((c, i) => (Key: $"Services__CohortUrls__{i}", Value: c.GrpcUrl.ToString())).ToDictionary(x => x.Key, x => x.Value);
        Outcomes = [.. ordinals.Select(i => Create("outcome", "Outcome", i, environment, new(cohortAddresses)))];
        Payments = [.. ordinals.Select(i => Create("payment", "Payment", i, environment, []))];
        Clients = ClientsFor(Operator);
    }

    private static readonly string[] ServiceNames = ["cohort", "outcome", "payment"];

    /// <summary>
    /// The tests' and scenarios' default caller: every role that changes or reads data, for every
    /// partnership, as an operator of the whole suite would be.
    /// </summary>
    public static TokenSubject Operator { get; } = new("suite-operator",
        [SuiteRoles.Kommune, SuiteRoles.Provider, SuiteRoles.Finance, SuiteRoles.Auditor, SuiteRoles.Operator], null, [SuiteClaims.AllPartnerships]);

    public KeyDirectory Keys { get; }

    /// <summary>The RabbitMQ virtual host the suite's services talk through.</summary>
    public string RabbitMqVirtualHost { get; }

    /// <summary>Every instance of each service, the first of which the suite's <see cref="Clients"/> call.</summary>
    public IReadOnlyList<ServiceProcess> Cohorts { get; }
    public IReadOnlyList<ServiceProcess> Outcomes { get; }
    public IReadOnlyList<ServiceProcess> Payments { get; }

    public ServiceProcess Cohort => Cohorts[0];
    public ServiceProcess Outcome => Outcomes[0];
    public ServiceProcess Payment => Payments[0];
    public SuiteClients Clients { get; }

    public IEnumerable<ServiceProcess> Services => [.. Cohorts, .. Outcomes, .. Payments];

    /// <summary>
    /// Starts the services on fresh databases named "{prefix}_{random}_{service}", with extra environment for all three,
    /// each service as that many instances on ports of their own, each given the patience to become ready (90 s unless said).
    /// </summary>
    public static async Task<LocalSuite> StartAsync(string databasePrefix, IReadOnlyDictionary<string, string>? environment = null,
        SuiteInfrastructure? infrastructure = null, int instances = 1, TimeSpan? startPatience = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        var suite = new LocalSuite($"{databasePrefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}", environment ?? new Dictionary<string, string>(),
            infrastructure ?? SuiteInfrastructure.FromEnvironment(), instances, startPatience ?? TimeSpan.FromSeconds(90));
        try
        {
            if (suite.RabbitMqVirtualHost != "/") await TestVirtualHost.CreateAsync(suite.RabbitMqVirtualHost);
            // The first instance of each service migrates its database; the others start once it is there.
            await Task.WhenAll(new[] { suite.Cohort, suite.Outcome, suite.Payment }.Select(s => s.StartAsync()));
            await Task.WhenAll(suite.Services.Except([suite.Cohort, suite.Outcome, suite.Payment]).Select(s => s.StartAsync()));
            await suite.WarmUpAsync();
            return suite;
        }
        catch
        {
            await suite.DisposeAsync(); // No process outlives a start that failed.
            throw;
        }
    }

    /// <summary>A token of the suite's token service for the subject, valid for an hour.</summary>
    public string TokenFor(TokenSubject subject) =>
        new TokenIssuer(Keys.PrivateKey(SigningKeys.TokenServiceIssuer)).Issue(subject, TimeSpan.FromHours(1));

    /// <summary>Clients calling the first instances as the subject; the caller disposes them.</summary>
    public SuiteClients ClientsFor(TokenSubject subject) => ClientsFor(subject, 0);

    /// <summary>Clients calling the instances of that index (from 0) as the subject; the caller disposes them.</summary>
    public SuiteClients ClientsFor(TokenSubject subject, int instance) =>
        new(Cohorts[instance].GrpcUrl, Outcomes[instance].GrpcUrl, Payments[instance].GrpcUrl, TokenFor(subject));

    // A fresh process compiles its request path (gRPC, token validation, EF queries) on its first
    // call, which on a busy machine can take longer than a test's deadline; tests measure behaviour,
    // not start-up, so every service answers one authenticated read before the suite is handed over.
    private async Task WarmUpAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var anyPartnership = Guid.NewGuid().ToString();
        await Clients.Cohort.ListPartnershipsAsync(new(), deadline: deadline);
        await Clients.Outcome.GetMilestoneDefinitionsAsync(new() { PartnershipId = anyPartnership }, deadline: deadline);
        await Clients.Payment.ListRateCardsAsync(new() { PartnershipId = anyPartnership }, deadline: deadline);
    }

    public string DatabaseName(string service) => $"{databasePrefix}_{service}";

    public string ConnectionString(string service) => $"{infrastructure.PostgresConnectionString};Database={DatabaseName(service)}";

    private ServiceProcess Create(string service, string project, int instance, IReadOnlyDictionary<string, string> common, Dictionary<string, string> own)
    {
        var dll = TestEnvironment.ServiceDll(service, $"Partnerskab.{project}");
        var environment = new Dictionary<string, string>(own)
        {
            ["ConnectionStrings__Database"] = ConnectionString(service),
            ["RabbitMq__Port"] = infrastructure.RabbitMqPort.ToString(),
            ["RabbitMq__VirtualHost"] = RabbitMqVirtualHost,
            ["Auth__TrustedKeysFile"] = Keys.TrustedKeysFile,
            ["Auth__ServiceKeyFile"] = Keys.PrivateKeyFile(SigningKeys.ServiceIssuer(service)),
        };
        foreach (var (key, value) in common) environment[key] = value;
        return new ServiceProcess(service, dll, environment, TestEnvironment.FreePort(), TestEnvironment.FreePort(),
            Path.Combine(TestEnvironment.LogDirectory, instance == 1 ? $"{DatabaseName(service)}.log" : $"{DatabaseName(service)}-{instance}.log"))
        {
            StartPatience = startPatience,
        };
    }

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        foreach (var service in Services) await service.DisposeAsync();
        if (RabbitMqVirtualHost != "/") await TestVirtualHost.DeleteAsync(RabbitMqVirtualHost);
        Directory.Delete(Keys.Path, recursive: true);
    }
}
