using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing.Rpcs;
using Partnerskab.Tokens;
using Shouldly;
using static Partnerskab.Tokens.SuiteRoles;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// Who may call what where it takes more than one service, or the services' own processes:
/// callers outside their partnership scope across services, service identities, and the
/// per-caller call rate. Every RPC's roles, callers
/// without a valid token and the cohort service's own rules run in process, in each service's
/// test project (RpcRulesTests).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class AccessTests(SuiteFixture suite)
{
    [Fact]
    public async Task A_provider_asking_for_another_providers_citizen_is_refused_without_learning_whether_it_exists()
    {
        var (ours, _) = await TestCitizens.HandedOverAsync(suite.Clients.Cohort, "access-ours", 7100, "HAD-7100");
        var (theirs, citizen) = await TestCitizens.HandedOverAsync(suite.Clients.Cohort, "access-theirs", 7101, "HAD-7101");
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
        var (theirs, citizen) = await TestCitizens.HandedOverAsync(suite.Clients.Cohort, "access-claim", 7102, "HAD-7102");
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
    public async Task A_service_identity_is_not_an_outside_role()
    {
        var outcomeKey = suite.Keys.PrivateKey(SigningKeys.ServiceIssuer("outcome"));
        var serviceToken = new TokenIssuer(outcomeKey).Issue(new TokenSubject("outcome", [Service], null, [SuiteClaims.AllPartnerships]), TimeSpan.FromMinutes(5));
        using var asOutcome = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, serviceToken);
        var impostor = new TokenIssuer(outcomeKey).Issue(new TokenSubject("payment", [Service], null, [SuiteClaims.AllPartnerships]), TimeSpan.FromMinutes(5));
        using var asImpostor = new SuiteClients(suite.Cohort.GrpcUrl, suite.Outcome.GrpcUrl, suite.Payment.GrpcUrl, impostor);

        var ledger = await Should.ThrowAsync<RpcException>(asOutcome.Payment.GetLedgerAsync(
            new Protos.Payment.V1.GetLedgerRequest { PartnershipId = InvalidInput.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        var impersonation = await Should.ThrowAsync<RpcException>(asImpostor.Cohort.CountCitizensAsync(
            new CountCitizensRequest { PartnershipId = InvalidInput.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);

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
            new Protos.Payment.V1.ListRateCardsRequest { PartnershipId = InvalidInput.SomeId }, deadline: SuiteClients.Deadline()).ResponseAsync);
    }
}
