using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;
using static Partnerskab.Tokens.SuiteRoles;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// Who may call what: every RPC against every outside role, callers without a valid token, and
/// callers outside their partnership scope. The expected roles are written out here, apart from
/// the services' policies, so a policy change has to be made twice, on purpose.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AccessTests(SuiteFixture suite)
{
    private const string Aggregate = "kommune provider finance committee investor";

    private static readonly Dictionary<string, string> RolesAllowed = new()
    {
        ["cohort.CreatePartnership"] = "kommune",
        ["cohort.AmendPartnership"] = "kommune",
        ["cohort.GetPartnership"] = Aggregate,
        ["cohort.ListPartnerships"] = Aggregate,
        ["cohort.ListPartnershipVersions"] = Aggregate,
        ["cohort.HandOverCitizen"] = "kommune",
        ["cohort.ImportCitizens"] = "kommune",
        ["cohort.RecordExit"] = "kommune",
        ["cohort.AssignAdvisor"] = "provider",
        ["cohort.GetCitizen"] = "kommune provider",
        ["cohort.ListCitizens"] = "kommune provider",
        ["cohort.GetFollowUpStatus"] = "kommune provider",
        ["cohort.CountCitizens"] = Aggregate,
        ["cohort.ListAuditEntries"] = "auditor",
        ["cohort.EraseExpiredCitizenData"] = "operator",
        ["outcome.SetMilestoneDefinitions"] = "kommune",
        ["outcome.GetMilestoneDefinitions"] = Aggregate,
        ["outcome.ClaimOutcome"] = "provider",
        ["outcome.VerifyOutcomeClaim"] = "kommune",
        ["outcome.RejectOutcomeClaim"] = "kommune",
        ["outcome.CorrectOutcomeClaim"] = "kommune",
        ["outcome.RevokeOutcomeClaim"] = "kommune",
        ["outcome.GetOutcomeClaim"] = "kommune provider",
        ["outcome.ListOutcomeClaims"] = "kommune provider",
        ["outcome.ReportDeliverable"] = "provider",
        ["outcome.ReportWeeklyStatuses"] = "kommune provider",
        ["outcome.GetTimeline"] = "kommune provider",
        ["outcome.ListMilestones"] = "kommune provider finance",
        ["outcome.SetFollowUpPlan"] = "kommune",
        ["outcome.GetFollowUpPlan"] = "kommune provider",
        ["outcome.RecordContact"] = "provider",
        ["outcome.GetFollowUpSchedule"] = "kommune provider",
        ["outcome.GetWorklist"] = "kommune provider",
        ["outcome.SetKpiTargets"] = "kommune",
        ["outcome.GetKpiTargets"] = "kommune committee investor",
        ["outcome.GetCommitteeReport"] = "kommune committee investor",
        ["outcome.ListAuditEntries"] = "auditor",
        ["payment.SetRateCard"] = "finance",
        ["payment.ListRateCards"] = Aggregate,
        ["payment.GetLedger"] = "finance",
        ["payment.GetPartnershipCost"] = Aggregate,
        ["payment.RunInvoices"] = "finance",
        ["payment.ListInvoices"] = "kommune provider finance",
        ["payment.RecordPayments"] = "finance",
        ["payment.GetReconciliation"] = "finance",
        ["payment.ExportInvoiceXml"] = "finance",
        ["payment.ListAuditEntries"] = "auditor",
    };

    public static TheoryData<string> Rpcs() => new(InvalidInputTests.Cases.Select(c => c.Rpc));

    [Fact]
    public void The_expected_roles_cover_every_rpc()
    {
        RolesAllowed.Keys.Order().ShouldBe(InvalidInputTests.Cases.Select(c => c.Rpc).Order());
    }

    // The invalid-input cases are reused: a role that may call the RPC gets as far as validation
    // (InvalidArgument); any other role is stopped before it (PermissionDenied).
    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Each_role_may_call_only_the_rpcs_meant_for_it(string rpc)
    {
        var call = InvalidInputTests.Cases.Single(c => c.Rpc == rpc);
        var answers = new List<string>();
        foreach (var role in Outside)
        {
            using var clients = suite.ClientsFor(new TokenSubject($"test-{role}", [role], null, [InvalidInputTests.SomeId]));
            var error = await Should.ThrowAsync<RpcException>(() => call.Call(clients));
            answers.Add($"{role}: {error.StatusCode}");
        }

        var allowed = RolesAllowed[rpc].Split(' ');
        answers.ShouldBe(Outside.Select(role => $"{role}: {(allowed.Contains(role) ? StatusCode.InvalidArgument : StatusCode.PermissionDenied)}"));
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task A_call_without_a_token_is_Unauthenticated(string rpc)
    {
        using var anonymous = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, bearerToken: null);
        var error = await Should.ThrowAsync<RpcException>(() => InvalidInputTests.Cases.Single(c => c.Rpc == rpc).Call(anonymous));
        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    public static TheoryData<string> BadTokens() => new(["expired", "untrusted key", "wrong audience", "person claiming the service role", "garbage"]);

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_token_that_does_not_hold_is_Unauthenticated(string kind)
    {
        var sts = suite.Keys.PrivateKey(SigningKeys.TokenServiceIssuer);
        var finance = new TokenSubject("finance", [Finance], null, [SuiteClaims.AllPartnerships]);
        var token = kind switch
        {
            "expired" => new TokenIssuer(sts).Issue(finance, TimeSpan.FromMinutes(-5)),
            "untrusted key" => new TokenIssuer(SigningKeys.CreatePrivateKey(SigningKeys.TokenServiceIssuer)).Issue(finance, TimeSpan.FromHours(1)),
            "wrong audience" => IssueForAudience(sts, finance, "someone-else"),
            "person claiming the service role" => new TokenIssuer(sts).Issue(finance with { Roles = [Service] }, TimeSpan.FromHours(1)),
            _ => "not.a.token",
        };
        using var clients = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, token);

        var error = await Should.ThrowAsync<RpcException>(clients.Cohort.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = InvalidInputTests.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_Portal_token_speaks_for_its_person_within_their_scope_and_never_for_a_service()
    {
        var (ours, _) = await TestCitizens.HandedOverAsync(suite.Clients, "access-portal", 7110, "HAD-7110");
        var portal = new TokenIssuer(suite.Keys.PrivateKey(SigningKeys.PortalIssuer));
        var person = new TokenSubject("udvalg.formand", [Committee], "29189757", [ours.PartnershipId]);

        using var committee = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, portal.Issue(person, TimeSpan.FromMinutes(2)));
        (await committee.Cohort.CountCitizensAsync(new CountCitizensRequest { PartnershipId = ours.PartnershipId }, deadline: SuiteClients.Deadline()))
            .Total.ShouldBe(1);
        var outside = await Should.ThrowAsync<RpcException>(committee.Cohort.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = InvalidInputTests.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        outside.StatusCode.ShouldBe(StatusCode.PermissionDenied);

        using var posing = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl,
            portal.Issue(person with { Roles = [Service] }, TimeSpan.FromMinutes(2)));
        var refused = await Should.ThrowAsync<RpcException>(posing.Cohort.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = ours.PartnershipId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        refused.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task Health_checks_answer_without_a_token()
    {
        using var channel = GrpcChannel.ForAddress(suite.Cohort.GrpcUrl);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: SuiteClients.Deadline());
        health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task A_provider_asking_for_another_providers_citizen_is_refused_without_learning_whether_it_exists()
    {
        var (ours, _) = await TestCitizens.HandedOverAsync(suite.Clients, "access-ours", 7100, "HAD-7100");
        var (theirs, citizen) = await TestCitizens.HandedOverAsync(suite.Clients, "access-theirs", 7101, "HAD-7101");
        using var provider = suite.ClientsFor(new TokenSubject("provider-a", [Provider], "12345678", [ours.PartnershipId]));

        var existing = await Should.ThrowAsync<RpcException>(provider.Cohort.GetCitizenAsync(
            new GetCitizenRequest { PartnershipId = theirs.PartnershipId, CitizenId = citizen.CitizenId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        var unknownPartnership = Guid.NewGuid().ToString();
        var missing = await Should.ThrowAsync<RpcException>(provider.Cohort.GetCitizenAsync(
            new GetCitizenRequest { PartnershipId = unknownPartnership, CitizenId = citizen.CitizenId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        var timeline = await Should.ThrowAsync<RpcException>(provider.Outcome.GetTimelineAsync(
            new GetTimelineRequest { PartnershipId = theirs.PartnershipId, CitizenId = citizen.CitizenId }, deadline: SuiteClients.Deadline()).ResponseAsync);

        existing.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        missing.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        timeline.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        existing.Status.Detail.Replace(theirs.PartnershipId, "<id>").ShouldBe(missing.Status.Detail.Replace(unknownPartnership, "<id>"));
        (await provider.Cohort.ListPartnershipsAsync(new ListPartnershipsRequest(), deadline: SuiteClients.Deadline()))
            .Partnerships.Select(p => p.PartnershipId).ShouldBe([ours.PartnershipId]);
    }

    [Fact]
    public async Task A_kommune_cannot_verify_a_claim_of_another_partnership_nor_learn_whether_a_claim_exists()
    {
        var (theirs, citizen) = await TestCitizens.HandedOverAsync(suite.Clients, "access-claim", 7102, "HAD-7102");
        var claim = (await suite.Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = theirs.PartnershipId,
            CitizenId = citizen.CitizenId,
            ClaimReference = "access-claim",
            Kind = OutcomeKind.JobStart,
            OutcomeDate = ThinSlice.Day(2023, 9, 4),
            HoursPerWeekHundredths = 3700,
            EmployerCvr = "12345678",
            EvidenceReference = "contract",
        }, deadline: SuiteClients.Deadline())).Claim;
        using var otherKommune = suite.ClientsFor(new TokenSubject("kommune-b", [Kommune], "29188505", [Guid.NewGuid().ToString()]));

        var existing = await Should.ThrowAsync<RpcException>(otherKommune.Outcome.VerifyOutcomeClaimAsync(
            new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "b" }, deadline: SuiteClients.Deadline()).ResponseAsync);
        var missing = await Should.ThrowAsync<RpcException>(otherKommune.Outcome.VerifyOutcomeClaimAsync(
            new VerifyOutcomeClaimRequest { ClaimId = Guid.NewGuid().ToString(), VerifiedBy = "b" }, deadline: SuiteClients.Deadline()).ResponseAsync);

        (existing.StatusCode, existing.Status.Detail).ShouldBe((missing.StatusCode, missing.Status.Detail));
        existing.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var stored = await suite.Clients.Outcome.ListMilestonesAsync(
            new ListMilestonesRequest { PartnershipId = theirs.PartnershipId, CitizenId = citizen.CitizenId }, deadline: SuiteClients.Deadline());
        stored.Milestones.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_committee_reads_the_cost_report_without_the_room_under_each_citizens_cap()
    {
        var partnership = (await suite.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("access-caps")),
            deadline: SuiteClients.Deadline())).Partnership;
        await suite.Clients.Payment.SetRateCardAsync(new Protos.Payment.V1.SetRateCardRequest
        {
            PartnershipId = partnership.PartnershipId,
            EffectiveFrom = ThinSlice.Day(2023, 3, 1),
            HandoverFeeOre = ThinSlice.HandoverFeeOre,
            Caps = new Protos.Payment.V1.Caps { PerCitizenOre = 5_000_000 },
        }, deadline: SuiteClients.Deadline());
        await suite.Clients.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = partnership.PartnershipId, Cpr = TestCitizens.Cpr(7103), HandoverDate = ThinSlice.Day(2023, 4, 3),
            BenefitType = BenefitType.SicknessBenefit, WeeksSickListed = 30, CaseReference = "HAD-7103",
        }, deadline: SuiteClients.Deadline());
        using var committee = suite.ClientsFor(new TokenSubject("committee-a", [Committee], null, [partnership.PartnershipId]));
        var request = new Protos.Payment.V1.GetPartnershipCostRequest { PartnershipId = partnership.PartnershipId };

        // The handover fee reaches the ledger as an event; the citizen's cap and the fee's total
        // are kept by separate steps, so both are awaited.
        var until = DateTime.UtcNow.AddSeconds(30);
        var finance = await suite.Clients.Payment.GetPartnershipCostAsync(request, deadline: SuiteClients.Deadline());
        while ((finance.CitizenCaps.Count == 0 || finance.TotalEarnedOre != ThinSlice.HandoverFeeOre) && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
            finance = await suite.Clients.Payment.GetPartnershipCostAsync(request, deadline: SuiteClients.Deadline());
        }
        var aggregate = await committee.Payment.GetPartnershipCostAsync(request, deadline: SuiteClients.Deadline());

        finance.CitizenCaps.Count.ShouldBe(1);
        finance.TotalEarnedOre.ShouldBe(ThinSlice.HandoverFeeOre);
        aggregate.CitizenCaps.ShouldBeEmpty();
        aggregate.TotalEarnedOre.ShouldBe(finance.TotalEarnedOre);
    }

    [Fact]
    public async Task A_kommune_creates_partnerships_only_in_its_own_name_and_a_token_without_an_organisation_not_at_all()
    {
        using var otherKommune = suite.ClientsFor(new TokenSubject("kommune-b", [Kommune], "29188505", []));
        using var nobody = suite.ClientsFor(new TokenSubject("kommune-no-org", [Kommune], null, []));
        var reference = TestCitizens.UniqueReference("not-ours");

        foreach (var caller in new[] { otherKommune, nobody })
        {
            var error = await Should.ThrowAsync<RpcException>(caller.Cohort.CreatePartnershipAsync(
                ThinSlice.HaderslevAgreement(reference), deadline: SuiteClients.Deadline()).ResponseAsync);
            error.StatusCode.ShouldBe(StatusCode.PermissionDenied);
            error.Status.Detail.ShouldContain("kommune.cvr");
        }
        var created = await suite.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(reference), deadline: SuiteClients.Deadline());
        created.Created.ShouldBeTrue("nothing was registered under the reference before");
    }

    [Fact]
    public async Task An_amendment_is_made_by_the_partnerships_own_kommune_and_cannot_change_its_parties()
    {
        var partnership = (await suite.Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("parties")),
            deadline: SuiteClients.Deadline())).Partnership;
        AmendPartnershipRequest Amendment(Action<AmendPartnershipRequest> change) => new AmendPartnershipRequest
        {
            PartnershipId = partnership.PartnershipId, ExpectedVersion = 1, Name = partnership.Name, Kommune = partnership.Kommune.Clone(),
            Provider = partnership.Provider.Clone(), Investor = partnership.Investor, ContractStart = partnership.ContractStart,
            ContractEnd = partnership.ContractEnd, CohortCapacity = partnership.CohortCapacity + 10, FollowUpMonths = partnership.FollowUpMonths,
            HandoverWindowStart = partnership.HandoverWindowStart, HandoverWindowEnd = partnership.HandoverWindowEnd,
            Eligibility = partnership.Eligibility, Reason = "more places",
        }.With(change);
        using var ownKommune = suite.ClientsFor(new TokenSubject("kommune-a", [Kommune], partnership.Kommune.Cvr, [partnership.PartnershipId]));
        using var otherKommune = suite.ClientsFor(new TokenSubject("kommune-b", [Kommune], "29188505", [partnership.PartnershipId]));

        var newParties = await Should.ThrowAsync<RpcException>(ownKommune.Cohort.AmendPartnershipAsync(
            Amendment(a => (a.Kommune.Cvr, a.Provider.Cvr) = ("29188505", "87654321")), deadline: SuiteClients.Deadline()).ResponseAsync);
        newParties.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        newParties.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(f => f.Field).ShouldBe(["kommune.cvr", "provider.cvr"]);
        var notTheirs = await Should.ThrowAsync<RpcException>(otherKommune.Cohort.AmendPartnershipAsync(Amendment(_ => { }),
            deadline: SuiteClients.Deadline()).ResponseAsync);
        notTheirs.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        (await suite.Clients.Cohort.ListPartnershipVersionsAsync(new ListPartnershipVersionsRequest { PartnershipId = partnership.PartnershipId },
            deadline: SuiteClients.Deadline())).Versions.ShouldHaveSingleItem();

        var renamed = await ownKommune.Cohort.AmendPartnershipAsync(Amendment(a => a.Provider.Name = "Provider ApS, new name"),
            deadline: SuiteClients.Deadline());
        (renamed.Partnership.Version, renamed.Partnership.Provider.Name).ShouldBe((2, "Provider ApS, new name"));
    }

    [Fact]
    public async Task Signing_keys_are_trusted_and_retired_without_a_restart()
    {
        var rotated = SigningKeys.CreatePrivateKey(SigningKeys.TokenServiceIssuer);
        var token = new TokenIssuer(rotated).Issue(new TokenSubject("finance", [Finance], null, [SuiteClaims.AllPartnerships]), TimeSpan.FromHours(1));
        using var clients = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, token);
        Task<Protos.Payment.V1.ListRateCardsResponse> Call() => clients.Payment.ListRateCardsAsync(
            new Protos.Payment.V1.ListRateCardsRequest { PartnershipId = InvalidInputTests.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync;

        (await Should.ThrowAsync<RpcException>(Call())).StatusCode.ShouldBe(StatusCode.Unauthenticated);
        suite.Keys.Trust(rotated);
        await Should.NotThrowAsync(Call());
        suite.Keys.Retire(rotated.Kid);
        (await Should.ThrowAsync<RpcException>(Call())).StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task A_service_identity_is_not_an_outside_role()
    {
        var outcomeKey = suite.Keys.PrivateKey(SigningKeys.ServiceIssuer("outcome"));
        var serviceToken = new TokenIssuer(outcomeKey).Issue(new TokenSubject("outcome", [Service], null, [SuiteClaims.AllPartnerships]), TimeSpan.FromMinutes(5));
        using var asOutcome = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, serviceToken);
        var impostor = new TokenIssuer(outcomeKey).Issue(new TokenSubject("payment", [Service], null, [SuiteClaims.AllPartnerships]), TimeSpan.FromMinutes(5));
        using var asImpostor = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, impostor);

        var ledger = await Should.ThrowAsync<RpcException>(asOutcome.Payment.GetLedgerAsync(
            new Protos.Payment.V1.GetLedgerRequest { PartnershipId = InvalidInputTests.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        var impersonation = await Should.ThrowAsync<RpcException>(asImpostor.Cohort.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = InvalidInputTests.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);

        ledger.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        impersonation.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    /// <summary>
    /// The flood is sent in waves until the limiter answers: how many calls a shared 2-core
    /// machine gets through in a second varies, so a fixed number of calls may never outrun the
    /// bucket. The calls are refused by validation (a partnership id that is not an id), so the
    /// flood costs the server little beyond the token check and the limiter runs ahead of it.
    /// </summary>
    [Fact]
    public async Task A_caller_over_its_call_rate_is_held_back_without_slowing_others()
    {
        using var flooder = suite.ClientsFor(new TokenSubject("flooder", [Finance], null, [SuiteClaims.AllPartnerships]));
        const int wave = SuiteFixture.RateLimitedCallsPerSecond;
        var answers = new List<StatusCode>();
        var started = DateTime.UtcNow;
        while (!answers.Contains(StatusCode.ResourceExhausted) && DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
        {
            answers.AddRange(await Task.WhenAll(Enumerable.Range(0, wave).Select(async _ =>
            {
                var call = flooder.Payment.ListRateCardsAsync(new Protos.Payment.V1.ListRateCardsRequest { PartnershipId = "not-an-id" },
                    deadline: DateTime.UtcNow.AddSeconds(60));
                return (await Should.ThrowAsync<RpcException>(call.ResponseAsync)).StatusCode;
            })));
        }
        var elapsedSeconds = (DateTime.UtcNow - started).TotalSeconds;

        answers.Distinct().Order().ShouldBe([StatusCode.InvalidArgument, StatusCode.ResourceExhausted]);
        var admitted = answers.Count(a => a == StatusCode.InvalidArgument);
        admitted.ShouldBeLessThanOrEqualTo(SuiteFixture.RateLimitedBurst + (int)Math.Ceiling((elapsedSeconds + 1) * SuiteFixture.RateLimitedCallsPerSecond),
            "the bucket admits its burst and then its rate (one refill of slack for the timer), no more");
        await Should.NotThrowAsync(suite.Clients.Payment.ListRateCardsAsync(
            new Protos.Payment.V1.ListRateCardsRequest { PartnershipId = InvalidInputTests.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);
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
