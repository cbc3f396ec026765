using Grpc.Core;
using Grpc.Health.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using Partnerskab.Tokens;
using static Partnerskab.Tokens.SuiteRoles;

namespace Partnerskab.Cohort.Tests.InProcess;

/// <summary>
/// Who may call what in the cohort service beyond each RPC's roles (<see cref="CohortRpcs"/>):
/// callers without a valid token, callers outside their partnership scope or organisation.
/// </summary>
[Collection(CohortServiceCollection.Name)]
public sealed class AccessTests(CohortHost cohort) : InProcessTests(cohort.ResetAsync)
{
    public static TheoryData<string> BadTokens() => new(["expired", "untrusted key", "wrong audience", "person claiming the service role", "garbage"]);

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_that_does_not_hold_is_Unauthenticated(string kind)
    {
        var sts = cohort.Keys.PrivateKey(SigningKeys.TokenServiceIssuer);
        var finance = new TokenSubject("finance", [Finance], null, [SuiteClaims.AllPartnerships]);
        var token = kind switch
        {
            "expired" => new TokenIssuer(sts).Issue(finance, TimeSpan.FromMinutes(-5)),
            "untrusted key" => new TokenIssuer(SigningKeys.CreatePrivateKey(SigningKeys.TokenServiceIssuer)).Issue(finance, TimeSpan.FromHours(1)),
            "wrong audience" => IssueForAudience(sts, finance, "someone-else"),
            "person claiming the service role" => new TokenIssuer(sts).Issue(finance with { Roles = [Service] }, TimeSpan.FromHours(1)),
            _ => "not.a.token",
        };
        using var clients = cohort.ClientFor(token);

        var error = await Should.ThrowAsync<RpcException>(clients.Client.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = InvalidInput.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_Portal_token_speaks_for_its_person_within_their_scope_and_never_for_a_service()
    {
        var (ours, _) = await TestCitizens.HandedOverAsync(cohort.Client, "access-portal", 7110, "HAD-7110");
        var portal = new TokenIssuer(cohort.Keys.PrivateKey(SigningKeys.PortalIssuer));
        var person = new TokenSubject("udvalg.formand", [Committee], "29189757", [ours.PartnershipId]);

        using var committee = cohort.ClientFor(portal.Issue(person, TimeSpan.FromMinutes(2)));
        (await committee.Client.CountCitizensAsync(new CountCitizensRequest { PartnershipId = ours.PartnershipId }, deadline: SuiteClients.Deadline()))
            .Total.ShouldBe(1);
        var outside = await Should.ThrowAsync<RpcException>(committee.Client.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = InvalidInput.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        outside.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        using var posing = cohort.ClientFor(portal.Issue(person with { Roles = [Service] }, TimeSpan.FromMinutes(2)));
        var refused = await Should.ThrowAsync<RpcException>(posing.Client.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = ours.PartnershipId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task Health_checks_answer_without_a_token()
    {
        using var channel = cohort.ChannelFor(bearerToken: null);
        var health = await new Health.HealthClient(channel.Invoker).CheckAsync(new HealthCheckRequest(), deadline: SuiteClients.Deadline());
        health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task A_kommune_creates_partnerships_only_in_its_own_name_and_a_token_without_an_organisation_not_at_all()
    {
        using var otherKommune = cohort.ClientFor(new TokenSubject("kommune-b", [Kommune], "29188505", []));
        using var nobody = cohort.ClientFor(new TokenSubject("kommune-no-org", [Kommune], null, []));
        var reference = TestCitizens.UniqueReference("not-ours");

        foreach (var caller in new[] { otherKommune, nobody })
        {
            var error = await Should.ThrowAsync<RpcException>(caller.Client.CreatePartnershipAsync(
                ThinSlice.HaderslevAgreement(reference), deadline: SuiteClients.Deadline()).ResponseAsync);
            error.StatusCode.ShouldBe(StatusCode.PermissionDenied);
            error.Status.Detail.ShouldContain("kommune.cvr");
        }
        var created = await cohort.Client.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(reference), deadline: SuiteClients.Deadline());
        created.Created.ShouldBeTrue("nothing was registered under the reference before");
    }

    [Fact]
    public async Task An_amendment_is_made_by_the_partnerships_own_kommune_and_cannot_change_its_parties()
    {
        var partnership = (await cohort.Client.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("parties")),
            deadline: SuiteClients.Deadline())).Partnership;
        AmendPartnershipRequest Amendment(Action<AmendPartnershipRequest> change) => new AmendPartnershipRequest
        {
            PartnershipId = partnership.PartnershipId, ExpectedVersion = 1, Name = partnership.Name, Kommune = partnership.Kommune.Clone(),
            Provider = partnership.Provider.Clone(), Investor = partnership.Investor, ContractStart = partnership.ContractStart,
            ContractEnd = partnership.ContractEnd, CohortCapacity = partnership.CohortCapacity + 10, FollowUpMonths = partnership.FollowUpMonths,
            HandoverWindowStart = partnership.HandoverWindowStart, HandoverWindowEnd = partnership.HandoverWindowEnd,
            Eligibility = partnership.Eligibility, Reason = "more places",
        }.With(change);
        using var ownKommune = cohort.ClientFor(new TokenSubject("kommune-a", [Kommune], partnership.Kommune.Cvr, [partnership.PartnershipId]));
        using var otherKommune = cohort.ClientFor(new TokenSubject("kommune-b", [Kommune], "29188505", [partnership.PartnershipId]));

        var newParties = await Should.ThrowAsync<RpcException>(ownKommune.Client.AmendPartnershipAsync(
            Amendment(a => (a.Kommune.Cvr, a.Provider.Cvr) = ("29188505", "87654321")), deadline: SuiteClients.Deadline()).ResponseAsync);
        newParties.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        newParties.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(f => f.Field).ShouldBe(["kommune.cvr", "provider.cvr"]);
        var notTheirs = await Should.ThrowAsync<RpcException>(otherKommune.Client.AmendPartnershipAsync(Amendment(_ => { }),
            deadline: SuiteClients.Deadline()).ResponseAsync);
        notTheirs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await cohort.Client.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = partnership.PartnershipId },
            deadline: SuiteClients.Deadline())).Versions.ShouldHaveSingleItem();

        var renamed = await ownKommune.Client.AmendPartnershipAsync(Amendment(a => a.Provider.Name = "Provider ApS, new name"),
            deadline: SuiteClients.Deadline());
        (renamed.Partnership.Version, renamed.Partnership.Provider.Name).ShouldBe((2, "Provider ApS, new name"));
    }

    private static string IssueForAudience(Microsoft.IdentityModel.Tokens.JsonWebKey key, TokenSubject subject, string audience)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = SigningKeys.TokenServiceIssuer,
            Audience = audience,
            Claims = new Dictionary<string, object> { [SuiteClaims.Subject] = subject.Subject, [SuiteClaims.Role] = subject.Roles[0] },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.EcdsaSha256),
        });
    }
}
