using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Shouldly;
using static Partnerskab.EndToEnd.Tests.OutcomeTestData;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>The milestone engine in the running suite: facts in, milestones and revocations out, payment's ledger in step.</summary>
[Collection(SuiteCollection.Name)]
public sealed class OutcomeMilestoneTests(SuiteFixture suite)
{
    private const string FourWeeks = "FOUR_WEEKS_SELF_SUFFICIENT";
    private const long FourWeeksOre = 1_500_000;
    private const string TwoWeeks = "TWO_WEEKS_SELF_SUFFICIENT";

    private SuiteClients Clients => suite.Clients;

    [Fact]
    public async Task Streamed_weeks_reach_a_milestone_payment_books_it_once_and_a_later_register_week_revokes_it_with_one_credit()
    {
        var (partnershipId, citizens) = await PricedPartnershipAsync("ms-streak", 410);
        var citizen = citizens[0];
        await DefineAsync(partnershipId, new Protos.Outcome.V1.MilestoneDefinition
        {
            Code = FourWeeks, Description = "four weeks in a row without benefit", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 4,
        });
        await WaitForFollowUpAsync(Clients, partnershipId, citizen);
        WeeklyStatusRow[] weeks = [.. new[] { 15, 16, 17, 18 }.Select(w => Row(citizen, 2023, w, WeeklyStatus.OrdinaryEmployment, 37_00))];
        var key = Guid.NewGuid().ToString();

        (await StreamAsync(Clients, partnershipId, key, StatusSource.Provider, weeks)).Accepted.ShouldBe(4);

        var reached = (await Clients.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId, CitizenId = citizen },
            deadline: SuiteClients.Deadline())).Milestones.ShouldHaveSingleItem();
        (reached.Code, reached.AchievedOn, reached.Revoked).ShouldBe((FourWeeks, ThinSlice.Day(2023, 5, 7), false));
        reached.BasisWeekStarts.ShouldBe([ThinSlice.Day(2023, 4, 10), ThinSlice.Day(2023, 4, 17), ThinSlice.Day(2023, 4, 24), ThinSlice.Day(2023, 5, 1)]);
        var booked = await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.Milestone));

        (await StreamAsync(Clients, partnershipId, key, StatusSource.Provider, weeks)).Replayed.ShouldBeTrue();
        var resent = await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Provider, weeks);
        (resent.Accepted, resent.Unchanged).ShouldBe((0, 4));
        await suite.RowCountsAsync();
        var item = (await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true)).Where(i => i.Kind == LedgerItemKind.Milestone).ShouldHaveSingleItem();
        (item.ItemId, item.CauseKey, item.AmountOre, item.MilestoneCode).ShouldBe((booked.Single(i => i.Kind == LedgerItemKind.Milestone).ItemId,
            $"milestone:{reached.MilestoneId}", FourWeeksOre, FourWeeks));

        var register = await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
            [Row(citizen, 2023, 17, WeeklyStatus.SicknessBenefit)]);
        register.Accepted.ShouldBe(1);

        var revoked = (await Clients.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId, CitizenId = citizen },
            deadline: SuiteClients.Deadline())).Milestones.ShouldHaveSingleItem();
        (revoked.MilestoneId, revoked.Revoked).ShouldBe((reached.MilestoneId, true));
        revoked.RevocationReason.ShouldContain("week 2023-W17 is now SicknessBenefit (by the register)");
        revoked.RevocationReason.ShouldContain("weekly statuses from the register");
        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.Credit));
        await suite.RowCountsAsync();
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true);
        var credit = ledger.Where(i => i.Kind == LedgerItemKind.Credit).ShouldHaveSingleItem();
        (credit.CreditsItemId, credit.AmountOre).ShouldBe((item.ItemId, -FourWeeksOre));
        credit.PricingNote.ShouldContain("2023-W17");
        ledger.Count(i => i.Kind == LedgerItemKind.Milestone).ShouldBe(1);
    }

    [Fact]
    public async Task A_verified_claim_is_corrected_and_revoked_with_its_history_kept_and_its_paid_milestone_is_credited_once()
    {
        var (partnershipId, citizens) = await PricedPartnershipAsync("ms-claim", 411);
        var citizen = citizens[0];
        await DefineAsync(partnershipId, new Protos.Outcome.V1.MilestoneDefinition
        {
            Code = PaymentTestData.JobStart, RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart,
        });
        var claim = (await Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = partnershipId, CitizenId = citizen, ClaimReference = "MS-CL-1", Kind = OutcomeKind.JobStart,
            OutcomeDate = ThinSlice.Day(2023, 6, 5), HoursPerWeekHundredths = 37_00, EmployerCvr = "12345678", EvidenceReference = "contract",
        }, deadline: SuiteClients.Deadline())).Claim;
        var verified = await Clients.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "cw-1" },
            deadline: SuiteClients.Deadline());
        var milestone = verified.MilestonesReached.ShouldHaveSingleItem();
        milestone.BasisClaimIds.ShouldBe([claim.ClaimId]);

        var correction = new CorrectOutcomeClaimRequest
        {
            ClaimId = claim.ClaimId, CorrectedBy = "cw-2", Reason = "the contract starts a week later",
            OutcomeDate = ThinSlice.Day(2023, 6, 12), HoursPerWeekHundredths = 30_00, EmployerCvr = "12345678", EvidenceReference = "contract v2",
        };
        var corrected = await Clients.Outcome.CorrectOutcomeClaimAsync(correction, deadline: SuiteClients.Deadline());
        (corrected.Claim.OutcomeDate, corrected.Claim.Status, corrected.Claim.DecidedBy).ShouldBe((ThinSlice.Day(2023, 6, 12), ClaimStatus.Verified, "cw-2"));
        (corrected.MilestonesReached.Count, corrected.MilestonesRevoked.Count).ShouldBe((0, 0));
        (await Clients.Outcome.CorrectOutcomeClaimAsync(correction, deadline: SuiteClients.Deadline())).Claim.ShouldBe(corrected.Claim);

        var revoke = new RevokeOutcomeClaimRequest { ClaimId = claim.ClaimId, RevokedBy = "cw-3", Reason = "the employer confirms no employment" };
        var revoked = await Clients.Outcome.RevokeOutcomeClaimAsync(revoke, deadline: SuiteClients.Deadline());
        revoked.Claim.Status.ShouldBe(ClaimStatus.Revoked);
        var taken = revoked.MilestonesRevoked.ShouldHaveSingleItem();
        (taken.MilestoneId, taken.Revoked).ShouldBe((milestone.MilestoneId, true));
        taken.RevocationReason.ShouldContain($"claim {claim.ClaimId} revoked by cw-3 (the employer confirms no employment)");
        (await Clients.Outcome.RevokeOutcomeClaimAsync(revoke, deadline: SuiteClients.Deadline())).MilestonesRevoked.ShouldBeEmpty();
        (await Should.ThrowAsync<RpcException>(Clients.Outcome.RevokeOutcomeClaimAsync(revoke.With(r => r.Reason = "other"),
            deadline: SuiteClients.Deadline()).ResponseAsync)).StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await Should.ThrowAsync<RpcException>(Clients.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "cw-1" },
            deadline: SuiteClients.Deadline()).ResponseAsync)).StatusCode.ShouldBe(StatusCode.FailedPrecondition);

        var history = (await Clients.Outcome.GetOutcomeClaimAsync(new GetOutcomeClaimRequest { ClaimId = claim.ClaimId }, deadline: SuiteClients.Deadline())).History;
        history.Select(e => (e.Action, e.By)).ShouldBe([
            (ClaimAction.Claimed, "provider"), (ClaimAction.Verified, "cw-1"), (ClaimAction.Corrected, "cw-2"), (ClaimAction.Revoked, "cw-3")]);
        (history[0].OutcomeDate, history[0].HoursPerWeekHundredths, history[0].EvidenceReference).ShouldBe((ThinSlice.Day(2023, 6, 5), 37_00, "contract"));
        (history[2].OutcomeDate, history[2].HoursPerWeekHundredths, history[2].Reason).ShouldBe((ThinSlice.Day(2023, 6, 12), 30_00, "the contract starts a week later"));
        history[3].Reason.ShouldBe("the employer confirms no employment");

        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.Credit));
        await suite.RowCountsAsync();
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true);
        var item = ledger.Where(i => i.Kind == LedgerItemKind.Milestone).ShouldHaveSingleItem();
        item.CauseKey.ShouldBe($"milestone:{milestone.MilestoneId}");
        ledger.Where(i => i.Kind == LedgerItemKind.Credit).ShouldHaveSingleItem().CreditsItemId.ShouldBe(item.ItemId);
    }

    [Fact]
    public async Task An_exit_stops_follow_up_on_its_date_and_a_wrongly_enrolled_citizen_loses_every_milestone()
    {
        var (partnershipId, citizens) = await PricedPartnershipAsync("ms-exit", 412, 413);
        var (withdrew, wronglyEnrolled) = (citizens[0], citizens[1]);
        await DefineAsync(partnershipId, new Protos.Outcome.V1.MilestoneDefinition
        {
            Code = TwoWeeks, RuleKind = MilestoneRuleKind.CumulativeSelfSufficientWeeks, Weeks = 2,
        });
        await WaitForFollowUpAsync(Clients, partnershipId, withdrew);
        await WaitForFollowUpAsync(Clients, partnershipId, wronglyEnrolled);
        var both = citizens.SelectMany(c => new[] { Row(c, 2023, 15, WeeklyStatus.Education), Row(c, 2023, 16, WeeklyStatus.Education) });
        (await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Provider, both)).Accepted.ShouldBe(4);
        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Count(i => i.Kind == LedgerItemKind.Milestone) == 2);

        foreach (var (citizen, reason) in new[] { (withdrew, ExitReason.Withdrew), (wronglyEnrolled, ExitReason.WronglyEnrolled) })
        {
            await Clients.Cohort.RecordExitAsync(new RecordExitRequest
            {
                PartnershipId = partnershipId, CitizenId = citizen, ExitDate = ThinSlice.Day(2023, 5, 1), Reason = reason,
            }, deadline: SuiteClients.Deadline());
        }
        await WaitForExitAsync(partnershipId, withdrew);
        await WaitForExitAsync(partnershipId, wronglyEnrolled);

        // 2023-W17 ends the day before the exit on Monday 2023-05-01; 2023-W18 starts on it.
        var after = await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
            [Row(withdrew, 2023, 17, WeeklyStatus.OrdinaryEmployment), Row(withdrew, 2023, 18, WeeklyStatus.OrdinaryEmployment), Row(wronglyEnrolled, 2023, 17, WeeklyStatus.OrdinaryEmployment)]);
        after.Results.Select(r => r.Outcome).ShouldBe([StatusRowOutcome.Accepted, StatusRowOutcome.Rejected, StatusRowOutcome.Rejected]);
        after.Results[1].Violations.Single().Description.ShouldContain("exit on 2023-05-01");
        after.Results[2].Violations.Single().Description.ShouldContain("wrongly enrolled");
        var lateClaim = await Should.ThrowAsync<RpcException>(Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = partnershipId, CitizenId = withdrew, ClaimReference = "MS-EXIT-1", Kind = OutcomeKind.EducationStart,
            OutcomeDate = ThinSlice.Day(2023, 5, 1), EvidenceReference = "enrolment",
        }, deadline: SuiteClients.Deadline()).ResponseAsync);
        lateClaim.StatusCode.ShouldBe(StatusCode.InvalidArgument);

        (await MilestonesAsync(Clients, partnershipId, withdrew, _ => true)).ShouldHaveSingleItem().Revoked.ShouldBeFalse();
        var lost = (await MilestonesAsync(Clients, partnershipId, wronglyEnrolled, m => m.Any(x => x.Revoked))).ShouldHaveSingleItem();
        lost.RevocationReason.ShouldContain("wrongly enrolled");
        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Count(i => i.Kind == LedgerItemKind.Credit) == 2);
        await suite.RowCountsAsync();
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true);
        var lostItem = ledger.Single(i => i.Kind == LedgerItemKind.Milestone && i.CitizenId == wronglyEnrolled);
        ledger.Where(i => i.Kind == LedgerItemKind.Credit && i.CreditsItemId == lostItem.ItemId).ShouldHaveSingleItem();
        ledger.Count(i => i.Kind == LedgerItemKind.Credit).ShouldBe(2, "the milestone and the handover fee of the wrongly enrolled citizen");
    }

    /// <summary>A partnership priced from 2023-03-01 with no caps, so every milestone is booked at its full price.</summary>
    private Task<(string PartnershipId, IReadOnlyList<string> CitizenIds)> PricedPartnershipAsync(string prefix, params int[] citizens) =>
        PaymentTestData.PartnershipAsync(Clients, prefix, id => PaymentTestData.FullRateCard(id, ThinSlice.Day(2023, 3, 1)).With(r =>
        {
            r.Caps = null;
            r.MilestonePrices.Add(new MilestonePrice { MilestoneCode = FourWeeks, AmountOre = FourWeeksOre });
            r.MilestonePrices.Add(new MilestonePrice { MilestoneCode = TwoWeeks, AmountOre = 500_000 });
        }), citizens);

    private async Task DefineAsync(string partnershipId, Protos.Outcome.V1.MilestoneDefinition definition) =>
        await Clients.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest { PartnershipId = partnershipId, Definitions = { definition } },
            deadline: SuiteClients.Deadline());

    private async Task WaitForExitAsync(string partnershipId, string citizenId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while ((await Clients.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId },
            deadline: SuiteClients.Deadline())).ExitDate is null)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"the exit of {citizenId} never reached the outcome service");
            await Task.Delay(200);
        }
    }
}
