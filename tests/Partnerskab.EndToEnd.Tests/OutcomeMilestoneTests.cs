using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
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
    private const string ThirteenWeeks = "THIRTEEN_WEEKS_IN_A_ROW";
    private const long ThirteenWeeksOre = 4_000_000;

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
        // Learnt today, effective on the Monday of the re-coded week, caused by the register's stream.
        (revoked.EffectiveOn, revoked.Cause.Kind, revoked.Cause.Reference).ShouldBe((ThinSlice.Day(2023, 4, 24), "status-week", "2023-W17"));
        revoked.Cause.ReportedBy.ShouldBe(OperatorAsAudited);
        revoked.Cause.KnownAt.ShouldBe(revoked.RevokedAt);
        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.Credit));
        await suite.RowCountsAsync();
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true);
        var credit = ledger.Where(i => i.Kind == LedgerItemKind.Credit).ShouldHaveSingleItem();
        (credit.CreditsItemId, credit.AmountOre).ShouldBe((item.ItemId, -FourWeeksOre));
        credit.PricingNote.ShouldContain("2023-W17");
        ledger.Count(i => i.Kind == LedgerItemKind.Milestone).ShouldBe(1);
    }

    [Fact]
    public async Task A_verified_claim_is_corrected_to_another_day_and_revoked_with_its_history_kept_and_each_paid_milestone_is_credited_once()
    {
        var (partnershipId, citizens) = await PricedPartnershipAsync("ms-claim", 411);
        var citizen = citizens[0];
        await DefineAsync(partnershipId, new Protos.Outcome.V1.MilestoneDefinition
        {
            Code = TestRateCards.JobStart, RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart,
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
        // A date outside the follow-up (its end is exclusive) is refused as every RPC refuses one: on the date's field.
        var outside = await Should.ThrowAsync<RpcException>(Clients.Outcome.CorrectOutcomeClaimAsync(
            correction.With(c => c.OutcomeDate = ThinSlice.Day(2025, 4, 3)), deadline: SuiteClients.Deadline()).ResponseAsync);
        outside.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var violation = outside.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.ShouldHaveSingleItem();
        (violation.Field, violation.Description).ShouldBe(("outcome_date",
            "the outcome date 2025-04-03 is outside the citizen's follow-up 2023-04-03 to 2025-04-03 (end exclusive) or on or after an exit"));
        var corrected = await Clients.Outcome.CorrectOutcomeClaimAsync(correction, deadline: SuiteClients.Deadline());
        (corrected.Claim.OutcomeDate, corrected.Claim.Status, corrected.Claim.DecidedBy).ShouldBe((ThinSlice.Day(2023, 6, 12), ClaimStatus.Verified, "cw-2"));
        // The corrected date moves the milestone's day: the first is revoked and the milestone reached anew on 2023-06-12.
        var movedFrom = corrected.MilestonesRevoked.ShouldHaveSingleItem();
        (movedFrom.MilestoneId, movedFrom.AchievedOn).ShouldBe((milestone.MilestoneId, ThinSlice.Day(2023, 6, 5)));
        movedFrom.RevocationReason.ShouldContain("its day moved from 2023-06-05 to 2023-06-12");
        (movedFrom.EffectiveOn, movedFrom.Cause.Kind, movedFrom.Cause.Reference, movedFrom.Cause.ReportedBy)
            .ShouldBe((ThinSlice.Day(2023, 6, 5), "claim", claim.ClaimId, OperatorAsAudited));
        var movedTo = corrected.MilestonesReached.ShouldHaveSingleItem();
        (movedTo.AchievedOn, movedTo.BasisClaimIds.Single()).ShouldBe((ThinSlice.Day(2023, 6, 12), claim.ClaimId));
        (await Clients.Outcome.CorrectOutcomeClaimAsync(correction, deadline: SuiteClients.Deadline())).Claim.ShouldBe(corrected.Claim);

        var revoke = new RevokeOutcomeClaimRequest { ClaimId = claim.ClaimId, RevokedBy = "cw-3", Reason = "the employer confirms no employment" };
        var revoked = await Clients.Outcome.RevokeOutcomeClaimAsync(revoke, deadline: SuiteClients.Deadline());
        revoked.Claim.Status.ShouldBe(ClaimStatus.Revoked);
        var taken = revoked.MilestonesRevoked.ShouldHaveSingleItem();
        (taken.MilestoneId, taken.Revoked).ShouldBe((movedTo.MilestoneId, true));
        taken.RevocationReason.ShouldContain($"claim {claim.ClaimId} revoked by cw-3 (the employer confirms no employment)");
        // Effective on the outcome date the claim had when it was revoked: the corrected one.
        (taken.EffectiveOn, taken.Cause.Kind, taken.Cause.Reference).ShouldBe((ThinSlice.Day(2023, 6, 12), "claim", claim.ClaimId));
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

        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Count(i => i.Kind == LedgerItemKind.Credit) == 2);
        await suite.RowCountsAsync();
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true);
        string[] causes = [$"milestone:{milestone.MilestoneId}", $"milestone:{movedTo.MilestoneId}"];
        ledger.Where(i => i.Kind == LedgerItemKind.Milestone).Select(i => i.CauseKey).ShouldBe(causes, ignoreOrder: true);
        ledger.Where(i => i.Kind == LedgerItemKind.Credit).Select(c => c.CauseKey).ShouldBe(causes.Select(c => $"credit:{c}"), ignoreOrder: true);
        // The second milestone's revocation may reach payment before the milestone itself (two queues): then it is booked
        // at nothing instead of credited, and either way nothing of the two milestones stays payable.
        ledger.Where(i => i.Kind is LedgerItemKind.Milestone or LedgerItemKind.Credit).Sum(i => i.AmountOre).ShouldBe(0);
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

        var exits = new[] { (withdrew, ExitReason.Withdrew), (wronglyEnrolled, ExitReason.WronglyEnrolled) };
        foreach (var (citizen, reason) in exits)
        {
            await Clients.Cohort.RecordExitAsync(new RecordExitRequest
            {
                PartnershipId = partnershipId, CitizenId = citizen, ExitDate = ThinSlice.Day(2023, 5, 1), Reason = reason,
            }, deadline: SuiteClients.Deadline());
        }
        foreach (var (citizen, reason) in exits)
        {
            var timeline = await WaitForExitAsync(partnershipId, citizen);
            (timeline.ExitReasonKind, timeline.ExitReason).ShouldBe((reason, reason.ToString()), "the enum, and the name for old clients");
        }

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
        (lost.EffectiveOn, lost.Cause.Kind, lost.Cause.Reference, lost.Cause.ReportedBy).ShouldBe((ThinSlice.Day(2023, 5, 1), "exit", "2023-05-01", "the cohort service"));
        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Count(i => i.Kind == LedgerItemKind.Credit) == 2);
        await suite.RowCountsAsync();
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true);
        var lostItem = ledger.Single(i => i.Kind == LedgerItemKind.Milestone && i.CitizenId == wronglyEnrolled);
        ledger.Where(i => i.Kind == LedgerItemKind.Credit && i.CreditsItemId == lostItem.ItemId).ShouldHaveSingleItem();
        ledger.Count(i => i.Kind == LedgerItemKind.Credit).ShouldBe(2, "the milestone and the handover fee of the wrongly enrolled citizen");

        // New definitions without the milestone: it was never reached under them, so it is effective on its own day.
        var standing = (await MilestonesAsync(Clients, partnershipId, withdrew, _ => true)).ShouldHaveSingleItem();
        await DefineAsync(partnershipId, new Protos.Outcome.V1.MilestoneDefinition { Code = FourWeeks, RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 4 });
        var redefined = (await MilestonesAsync(Clients, partnershipId, withdrew, m => m.Any(x => x.Revoked))).ShouldHaveSingleItem();
        (redefined.MilestoneId, redefined.EffectiveOn, redefined.Cause.Kind, redefined.Cause.ReportedBy)
            .ShouldBe((standing.MilestoneId, standing.AchievedOn, "definitions", OperatorAsAudited));
        redefined.Cause.Reference.ShouldStartWith("definitions of ");
    }

    /// <summary>The suite's operator as the audit log names a caller: subject and roles.</summary>
    private static string OperatorAsAudited => $"{LocalSuite.Operator.Subject} ({string.Join(", ", LocalSuite.Operator.Roles)})";

    [Fact]
    public async Task The_same_facts_in_two_orders_give_the_same_milestones_ledger_and_invoices_and_a_moved_day_is_credited_and_billed_in_its_month()
    {
        var laterWeeksFirst = await MovedStreakAsync("ms-order-a", 414, registerFirst: false);
        var registerFirst = await MovedStreakAsync("ms-order-b", 415, registerFirst: true);

        registerFirst.ShouldBe(laterWeeksFirst);
        laterWeeksFirst.Milestones.ShouldBe([$"{ThirteenWeeks} 2023-07-02 revoked", $"{ThirteenWeeks} 2023-08-20 standing"]);
        var (july, august, credit) = (laterWeeksFirst.Runs[0], laterWeeksFirst.Runs[1], laterWeeksFirst.Runs[2]);
        july.ShouldBe([$"Invoice 2023-07-01: HandoverFee 2023-04-03 {TestRateCards.HandoverFeeOre}, Milestone 2023-07-02 {ThirteenWeeksOre}"]);
        august.ShouldBe([$"Invoice 2023-08-01: Milestone 2023-08-20 {ThirteenWeeksOre}"]);
        // Booked in the month it was learnt; about the revoked milestone's own day (the re-coded week, 2023-W20, lies before it).
        credit.ShouldBe([$"CreditNote {ThisMonth:yyyy-MM-dd} of the 2023-07-01 invoice: Credit 2023-07-02 {ThirteenWeeksOre}"]);
    }

    private sealed record OrderResult(List<string> Milestones, List<string> Ledger, List<List<string>> Runs)
    {
        public bool Equals(OrderResult? other) => other is not null && Milestones.SequenceEqual(other.Milestones) && Ledger.SequenceEqual(other.Ledger)
            && Runs.Count == other.Runs.Count && Runs.Zip(other.Runs).All(r => r.First.SequenceEqual(r.Second));

        public override int GetHashCode() => Milestones.Count;

        public override string ToString() => string.Join(" | ", Milestones.Concat(Ledger).Concat(Runs.SelectMany(r => r)));
    }

    /// <summary>Today in Copenhagen, the day the services date what they learn (a credit among them).</summary>
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);
    private static DateOnly ThisMonth => new(Today.Year, Today.Month, 1);

    /// <summary>
    /// A 13-week streak from 2023-W14 reached on Sunday 2023-07-02 and invoiced for July; then
    /// the provider's weeks up to 2023-W33 and the register's sickness benefit in 2023-W20, in the
    /// given order, move it to Sunday 2023-08-20; August is invoiced and the current month previewed.
    /// </summary>
    private async Task<OrderResult> MovedStreakAsync(string prefix, int citizenNumber, bool registerFirst)
    {
        var (partnershipId, citizens) = await PricedPartnershipAsync(prefix, citizenNumber);
        var citizen = citizens[0];
        await DefineAsync(partnershipId, new Protos.Outcome.V1.MilestoneDefinition
        {
            Code = ThirteenWeeks, RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 13,
        });
        await WaitForFollowUpAsync(Clients, partnershipId, citizen);
        Task<ReportWeeklyStatusesResponse> Provider(int from, int to) => StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Provider,
            Enumerable.Range(from, to - from + 1).Select(w => Row(citizen, 2023, w, WeeklyStatus.OrdinaryEmployment, 37_00)));
        Task<ReportWeeklyStatusesResponse> Register() => StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
            [Row(citizen, 2023, 20, WeeklyStatus.SicknessBenefit)]);

        (await Provider(14, 26)).Accepted.ShouldBe(13);
        await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Any(i => i.Kind == LedgerItemKind.Milestone));
        var july = await PaymentInvoicingTests.RunAsync(Clients, partnershipId, ThinSlice.Day(2023, 7, 1), ThinSlice.Day(2023, 7, 31));

        if (registerFirst)
        {
            (await Register()).Accepted.ShouldBe(1);
            (await Provider(27, 33)).Accepted.ShouldBe(7);
        }
        else
        {
            (await Provider(27, 33)).Accepted.ShouldBe(7);
            (await Register()).Accepted.ShouldBe(1);
            var revoked = (await MilestonesAsync(Clients, partnershipId, citizen, _ => true)).Single(m => m.Revoked);
            revoked.RevocationReason.ShouldContain("its day moved from 2023-07-02 to 2023-08-20; week 2023-W20 is now SicknessBenefit (by the register)");
        }
        await PaymentTestData.LedgerAsync(Clients, partnershipId,
            items => items.Count(i => i.Kind == LedgerItemKind.Milestone) == 2 && items.Any(i => i.Kind == LedgerItemKind.Credit));
        await suite.RowCountsAsync();
        var august = await PaymentInvoicingTests.RunAsync(Clients, partnershipId, ThinSlice.Day(2023, 8, 1), ThinSlice.Day(2023, 8, 31));
        // The credit is booked the day it is learnt, in the current month: its run is previewed, as finance would before the month ends.
        var current = await PaymentInvoicingTests.RunAsync(Clients, partnershipId, Day(ThisMonth), Day(ThisMonth.AddMonths(1).AddDays(-1)), preview: true);

        var milestones = await MilestonesAsync(Clients, partnershipId, citizen, _ => true);
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, _ => true);
        var invoiceNumbers = july.Documents.Concat(august.Documents).ToDictionary(d => d.InvoiceId, d => PaymentTestData.Text(d.PeriodStart));
        return new OrderResult(
            milestones.OrderBy(m => PaymentTestData.Text(m.AchievedOn))
                .Select(m => $"{m.Code} {PaymentTestData.Text(m.AchievedOn)} {(m.Revoked ? "revoked" : "standing")}").ToList(),
            ledger.OrderBy(i => PaymentTestData.Text(i.EarnedOn)).ThenBy(i => i.Kind)
                .Select(i => $"{i.Kind} {i.MilestoneCode} {PaymentTestData.Text(i.EarnedOn)} {i.AmountOre}").ToList(),
            [.. new[] { july, august, current }.Select(run => run.Documents.Select(d =>
                $"{d.Kind} {PaymentTestData.Text(d.PeriodStart)}"
                + (d.Kind == Protos.Payment.V1.DocumentKind.CreditNote ? $" of the {invoiceNumbers[d.CreditedInvoiceId]} invoice" : "")
                + ": " + string.Join(", ", d.Lines.Select(l => $"{LineKind(ledger, l)} {PaymentTestData.Text(l.EarnedOn)} {l.NetAmountOre}"))).ToList())]);
    }

    private static Google.Type.Date Day(DateOnly day) => ThinSlice.Day(day.Year, day.Month, day.Day);

    private static LedgerItemKind LineKind(IReadOnlyList<LedgerItem> ledger, InvoiceLine line) => ledger.Single(i => i.ItemId == line.LedgerItemId).Kind;

    /// <summary>A partnership priced from 2023-03-01, invoiced monthly, with no caps and no periodic fees, so every milestone is booked at its full price.</summary>
    private Task<(string PartnershipId, IReadOnlyList<string> CitizenIds)> PricedPartnershipAsync(string prefix, params int[] citizens) =>
        PaymentTestData.PartnershipAsync(Clients, prefix, id => TestRateCards.FullRateCard(id, ThinSlice.Day(2023, 3, 1)).With(r =>
        {
            r.Caps = null;
            r.PeriodicFees.Clear();
            r.InvoicingPeriod = BillingInterval.Monthly;
            r.MilestonePrices.Add(new MilestonePrice { MilestoneCode = ThirteenWeeks, AmountOre = ThirteenWeeksOre });
            r.MilestonePrices.Add(new MilestonePrice { MilestoneCode = FourWeeks, AmountOre = FourWeeksOre });
            r.MilestonePrices.Add(new MilestonePrice { MilestoneCode = TwoWeeks, AmountOre = 500_000 });
        }), citizens);

    private async Task DefineAsync(string partnershipId, Protos.Outcome.V1.MilestoneDefinition definition) =>
        await Clients.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest { PartnershipId = partnershipId, Definitions = { definition } },
            deadline: SuiteClients.Deadline());

    private async Task<GetTimelineResponse> WaitForExitAsync(string partnershipId, string citizenId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var timeline = await Clients.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = citizenId },
                deadline: SuiteClients.Deadline());
            if (timeline.ExitDate is not null) return timeline;
            if (DateTime.UtcNow > until) throw new TimeoutException($"the exit of {citizenId} never reached the outcome service");
            await Task.Delay(200);
        }
    }
}
