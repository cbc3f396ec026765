using System.Security.Cryptography;
using Partnerskab.Portal.Accounts;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario.Haderslev;
using Partnerskab.Scenario;
using Partnerskab.Tokens;

namespace Partnerskab.Portal.Tests;

/// <summary>
/// The real suite (three service processes, PostgreSQL, RabbitMQ) with the reference scenario
/// loaded, and the portal (<see cref="LocalPortal"/>) as its own process on a fresh database of its
/// own, trusting the suite's key directory (the portal's key is in it), serving HTTPS with a
/// certificate of a throwaway authority, with Chromium for its PDFs, RabbitMQ, the gateway and a
/// kommune's identity provider. One account per role, each with a generated password.
/// </summary>
public sealed class PortalSuite : IAsyncLifetime
{
    private LocalSuite? suite;
    private LocalPortal? portal;
    private OpenIdProvider? identityProvider;
    private LocalGateway? gateway;
    private readonly Dictionary<string, string> passwords = [];

    public LocalSuite Services => suite ?? throw new InvalidOperationException("The suite is not started.");

    private LocalPortal Portal => portal ?? throw new InvalidOperationException("The portal is not started.");

    /// <summary>Where the pages are: HTTPS. (The plain HTTP port answers health checks and redirects.)</summary>
    public Uri Url => Portal.Url;

    /// <summary>The plain HTTP port: health checks.</summary>
    public Uri PlainHttpUrl => Portal.Process.HttpUrl;

    /// <summary>The portal's log.</summary>
    public string LogFile => Portal.LogFile;

    /// <summary>The CVR number of the reference partnership's provider: the issuer of its invoices, whose finance account is the demo finance account.</summary>
    public string ProviderCvr { get; } = Random.Shared.Next(20_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The reference (Haderslev) partnership, loaded as of its report date 2025-10-20.</summary>
    public string ReferencePartnershipId { get; private set; } = "";

    public static string UserName(string role) => $"demo-{role}";

    /// <summary>The kommune's identity provider the portal is configured with (OpenID Connect).</summary>
    public OpenIdProvider IdentityProvider => identityProvider ?? throw new InvalidOperationException("The identity provider is not started.");

    /// <summary>The provider's name on the sign-in page.</summary>
    public const string IdentityProviderName = "Haderslev Kommune";

    /// <summary>The provider's role value that gives the kommune role.</summary>
    public const string CaseWorkerRoleValue = "Partnerskab.Sagsbehandler";

    /// <summary>A case worker whose roles, organisation and partnership the provider's claims give.</summary>
    public ProviderUser CaseWorkerAtProvider { get; private set; } = null!;

    /// <summary>Known to the provider without roles: a local account of the same user name (committee) gives them.</summary>
    public ProviderUser CommitteeMemberAtProvider { get; } = new("udvalg.medlem@haderslev.dk", NewPassword(), "Udvalgsmedlem Ulla", [], null, []);

    /// <summary>Known to the provider with a role value the portal does not map.</summary>
    public ProviderUser CanteenAtProvider { get; } = new("kantine@haderslev.dk", NewPassword(), "Kantine Karl", ["Kantine"], "29189420", []);

    public string PasswordOf(string role) => passwords[role];

    public async Task InitializeAsync()
    {
        suite = await LocalSuite.StartAsync("portal");
        var reference = $"haderslev-portal-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
        var loaded = await ReferenceScenario.RunAsync(suite.Clients, reference, ProviderCvr, TextWriter.Null);
        ReferencePartnershipId = loaded.PartnershipId;
        portal = LocalPortal.Prepare(suite);
        CaseWorkerAtProvider = new("sagsbehandler@haderslev.dk", NewPassword(), "Sagsbehandler Sofie", [CaseWorkerRoleValue, "Alle medarbejdere"], "29189420", [ReferencePartnershipId]);
        gateway = await LocalGateway.StartAsync(suite);
        // The identity provider serves with the portal's certificate; the portal trusts its authority and the gateway's.
        File.WriteAllText(TrustedCertificatesFile,
            $"{portal.Certificates.Authority.ExportCertificatePem()}\n{gateway.Certificates.Authority.ExportCertificatePem()}\n");
        identityProvider = await OpenIdProvider.StartAsync(suite.ConnectionString("identity_provider"), portal.Certificates.CertificateFile,
            portal.Certificates.KeyFile, Url, [CaseWorkerAtProvider, CommitteeMemberAtProvider, CanteenAtProvider]);

        await portal.StartAsync(new Dictionary<string, string>
        {
            ["Portal__ChromiumPath"] = Browser.ChromiumPath,
            ["Portal__RabbitMqUri"] = RabbitMqUri,
            ["Portal__TrustedCertificateFile"] = TrustedCertificatesFile,
            ["Portal__GatewayUrl"] = gateway.Url.ToString(),
            ["Portal__OpenIdConnect__Authority"] = IdentityProvider.Authority.ToString(),
            ["Portal__OpenIdConnect__ClientId"] = OpenIdProvider.ClientId,
            ["Portal__OpenIdConnect__ClientSecret"] = IdentityProvider.ClientSecret,
            ["Portal__OpenIdConnect__DisplayName"] = IdentityProviderName,
            [$"Portal__OpenIdConnect__RoleValues__{CaseWorkerRoleValue}"] = SuiteRoles.Kommune,
        });
        foreach (var role in PortalRoles.All)
        {
            passwords[role] = NewPassword();
            var partnerships = role is SuiteRoles.Auditor or SuiteRoles.Operator or PortalRoles.Administrator ? "*" : ReferencePartnershipId;
            var organisation = role is SuiteRoles.Provider or SuiteRoles.Finance ? ProviderCvr : "29189420";
            var (exitCode, output) = await AddAccountAsync(UserName(role), $"Demo {role}", organisation, role, partnerships, passwords[role]);
            if (exitCode != 0) throw new InvalidOperationException($"add-account {role} failed: {output}");
        }
        var (linked, linkOutput) = await AddAccountAsync(CommitteeMemberAtProvider.UserName, "Udvalgsmedlem Ulla", "29189420", SuiteRoles.Committee, ReferencePartnershipId, NewPassword());
        if (linked != 0) throw new InvalidOperationException($"add-account {CommitteeMemberAtProvider.UserName} failed: {linkOutput}");
    }

    /// <summary>Runs the portal's add-account command as deploy/up.sh does: the password on standard input.</summary>
    public Task<(int ExitCode, string Output)> AddAccountAsync(string user, string name, string organisation, string roles, string partnerships, string password) =>
        Portal.AddAccountAsync(user, name, organisation, roles, partnerships, password);

    /// <summary>Waits until the outcome service has opened the citizen's follow-up (it learns of a handover by an event).</summary>
    public async Task WaitForFollowUpAsync(string partnershipId, string citizenId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await Services.Clients.Outcome.GetTimelineAsync(new Protos.Outcome.V1.GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId },
                    deadline: SuiteClients.Deadline());
                return;
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode is Grpc.Core.StatusCode.NotFound or Grpc.Core.StatusCode.FailedPrecondition && DateTime.UtcNow < until)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>
    /// A fresh partnership (the thin slice's agreement) with a follow-up plan, one citizen handed over
    /// on 3 April 2023 (CPR from the synthetic range at <paramref name="cprFrom"/>) whose follow-up the
    /// outcome service has opened, and a job advisor's account of its provider.
    /// </summary>
    public async Task<(Partnership Partnership, Citizen Citizen, string User, string Password)> PartnershipWithAdvisorAsync(string name, int cprFrom)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var clients = Services.Clients;
        var partnership = (await clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement($"portal-{name}-{suffix}"),
            deadline: SuiteClients.Deadline())).Partnership;
        var citizen = (await clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = partnership.PartnershipId,
            Cpr = SyntheticCitizens.Cpr(RandomNumberGenerator.GetInt32(cprFrom, cprFrom + 1_000_000)),
            HandoverDate = new Google.Type.Date { Year = 2023, Month = 4, Day = 3 },
            BenefitType = BenefitType.SicknessBenefit,
            WeeksSickListed = 30,
            CaseReference = $"{name[..2].ToUpperInvariant()}-{suffix}",
        }, deadline: SuiteClients.Deadline())).Citizen;
        await clients.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest
        {
            PartnershipId = partnership.PartnershipId,
            Plan = new FollowUpPlan { ContactIntervalWeeks = 4, NoContactDays = 60, StatusCheckpointMonths = { 3, 6, 12, 24 } },
        }, deadline: SuiteClients.Deadline());
        await WaitForFollowUpAsync(partnership.PartnershipId, citizen.CitizenId);
        var user = $"jobraadgiver-{name}-{suffix}";
        var password = NewPassword();
        var (exitCode, output) = await AddAccountAsync(user, "Jobrådgiver", partnership.Provider.Cvr, SuiteRoles.Provider, partnership.PartnershipId, password);
        if (exitCode != 0) throw new InvalidOperationException($"add-account {user} failed: {output}");
        return (partnership, citizen, user, password);
    }

    /// <summary>Meets the portal's policy: 12+ characters, upper and lower case, digits.</summary>
    public static string NewPassword() => $"Pw{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}X9";

    public string RabbitMqUri => $"amqp://guest:guest@127.0.0.1:{TestEnvironment.RabbitMqPort}/{Uri.EscapeDataString(Services.RabbitMqVirtualHost)}";

    /// <summary>The portal's test authority and the gateway's (PEM): what the portal, and a client of the portal, trusts.</summary>
    public string TrustedCertificatesFile => Path.Combine(Services.Keys.Path, "portal-trusted.pem");

    public async Task DisposeAsync()
    {
        if (portal is not null) await portal.DisposeAsync();
        if (identityProvider is not null) await identityProvider.DisposeAsync();
        if (gateway is not null) await gateway.DisposeAsync();
        if (suite is not null) await suite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalSuite>, ICollectionFixture<Browser>
{
    public const string Name = "portal";
}
