using Partnerskab.Gateway;
using Partnerskab.Gateway.Idempotency;
using Partnerskab.Messaging;
using Partnerskab.Portal;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Hosting;
using YamlDotNet.RepresentationModel;

namespace Partnerskab.RepositoryTests;

/// <summary>
/// docker-compose.yml cannot be run on machines without a Docker engine, so it is kept honest
/// here: every service, port and setting the services read must be in it.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly YamlMappingNode Services = LoadServices();

    public static TheoryData<string, int, int> AppServices() => new()
    {
        { "cohort", 5101, 5180 },
        { "outcome", 5201, 5280 },
        { "payment", 5301, 5380 },
    };

    // Settings with working defaults that a deployment may tune but need not set.
    private static readonly string[] TuningKnobs = ["RabbitMq__PrefetchCount", "RabbitMq__QueueType", "RabbitMq__Nodes", "Auth__ServiceTokenLifetime"];

    private static readonly Dictionary<string, string[]> ServiceSpecific = new()
    {
        ["cohort"] = ["Pseudonym__Key"],
        ["outcome"] = ["Services__CohortUrl"],
        ["payment"] = [],
    };

    [Fact]
    public void The_infrastructure_services_are_there()
    {
        var names = Services.Children.Keys.Select(k => k.ToString()).ToList();
        new[] { "postgres", "rabbitmq", "cohort", "outcome", "payment", "gateway", "scenario" }.Except(names).ShouldBeEmpty();
        Ports("postgres").ShouldContain("127.0.0.1:5432:5432");
        Ports("rabbitmq").ShouldContain("127.0.0.1:5672:5672");
    }

    [Theory]
    [MemberData(nameof(AppServices))]
    public void Each_service_publishes_its_ports_on_loopback_and_sets_every_setting_it_reads(string service, int grpcPort, int httpPort)
    {
        Ports(service).ShouldBe([$"127.0.0.1:{grpcPort}:{grpcPort}", $"127.0.0.1:{httpPort}:{httpPort}"], ignoreOrder: true);

        var environment = Environment(service);
        var required = Settings(ServiceOptions.Section, typeof(ServiceOptions))
            .Concat(Settings(RabbitMqOptions.Section, typeof(RabbitMqOptions)))
            .Concat(Settings(AuthOptions.Section, typeof(AuthOptions)))
            .Append("ConnectionStrings__Database")
            .Concat(ServiceSpecific[service])
            .Except(TuningKnobs);
        required.Except(environment.Keys).ShouldBeEmpty($"{service} in docker-compose.yml lacks settings it reads");
        environment["Service__GrpcPort"].ShouldBe(grpcPort.ToString());
        environment["Service__HttpPort"].ShouldBe(httpPort.ToString());
        environment["Service__ListenAddress"].ShouldBe("0.0.0.0");
        environment["ConnectionStrings__Database"].ShouldContain($"Database=partnerskab_{service}");
    }

    [Fact]
    public void The_outcome_service_finds_the_cohort_service_by_its_compose_name()
    {
        Environment("outcome")["Services__CohortUrl"].ShouldBe("http://cohort:5101");
    }

    [Fact]
    public void The_gateway_publishes_https_and_health_on_loopback_and_sets_every_setting_it_reads()
    {
        Ports("gateway").ShouldBe(["127.0.0.1:8443:8443", "127.0.0.1:8480:8480"], ignoreOrder: true);

        var environment = Environment("gateway");
        // A PEM certificate needs no password; the body limit and key retention have working defaults;
        // lists of several instances replace the one address each service has here.
        string[] optional = ["Gateway__CertificatePassword", "Gateway__MaxRequestBodyBytes", "Idempotency__Retention", "Idempotency__InFlightTimeout",
            "Gateway__CohortUrls", "Gateway__OutcomeUrls", "Gateway__PaymentUrls"];
        var required = Settings(GatewayOptions.Section, typeof(GatewayOptions))
            .Concat(Settings(IdempotencyOptions.Section, typeof(IdempotencyOptions)))
            .Concat(["Service__ListenAddress", "Service__HttpPort", "Auth__TrustedKeysFile", "ConnectionStrings__Database"])
            .Except(optional);
        required.Except(environment.Keys).ShouldBeEmpty("the gateway in docker-compose.yml lacks settings it reads");
        environment["Gateway__HttpsPort"].ShouldBe("8443");
        environment["Service__HttpPort"].ShouldBe("8480");
        environment["Gateway__CohortUrl"].ShouldBe("http://cohort:5101");
        environment["ConnectionStrings__Database"].ShouldContain("Database=partnerskab_gateway");
    }

    [Fact]
    public void The_Portal_serves_HTTPS_on_loopback_and_sets_every_setting_it_reads()
    {
        Ports("portal").ShouldBe(["127.0.0.1:5443:5443", "127.0.0.1:5480:5480"], ignoreOrder: true);
        var environment = Environment("portal");
        var required = Settings(PortalOptions.Section, typeof(PortalOptions))
            // A kommune's own identity provider is configured only where one is used; lists of
            // several instances replace the one address each service has here.
            .Where(setting => setting is not ("Portal__ServesHttps" or "Portal__OpenIdConnect"
                or "Portal__CohortUrls" or "Portal__OutcomeUrls" or "Portal__PaymentUrls"))
            .Concat(["Service__ListenAddress", "Service__HttpPort", "ConnectionStrings__Database"]);
        required.Except(environment.Keys).ShouldBeEmpty("the portal in docker-compose.yml lacks settings it reads");
        environment["ConnectionStrings__Database"].ShouldContain("Database=partnerskab_portal");
        environment["Portal__CohortUrl"].ShouldBe("http://cohort:5101");
        environment["Portal__GatewayUrl"].ShouldBe("https://gateway:8443");
        (environment["Portal__HttpsPort"], environment["Service__HttpPort"]).ShouldBe(("5443", "5480"));
    }

    [Fact]
    public void Every_service_builds_from_its_own_project()
    {
        foreach (var service in new[] { "cohort", "outcome", "payment", "gateway", "portal" })
        {
            var args = (YamlMappingNode)((YamlMappingNode)Node(service)["build"])["args"];
            var project = args["SERVICE_PROJECT"].ToString();
            File.Exists(Repository.PathOf(project, Path.GetFileName(project) + ".csproj")).ShouldBeTrue(project);
        }
        File.Exists(Repository.PathOf("deploy", "Dockerfile")).ShouldBeTrue();
    }

    private static IEnumerable<string> Settings(string section, Type options) =>
        options.GetProperties().Select(p => $"{section}__{p.Name}");

    private static YamlMappingNode Node(string service) => (YamlMappingNode)Services[service];

    private static IReadOnlyList<string> Ports(string service) =>
        ((YamlSequenceNode)Node(service)["ports"]).Children.Select(p => p.ToString()).ToList();

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Node(service)["environment"]).Children.ToDictionary(e => e.Key.ToString(), e => e.Value.ToString());

    private static YamlMappingNode LoadServices()
    {
        var yaml = new YamlStream();
        using var reader = File.OpenText(Repository.PathOf("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }
}
