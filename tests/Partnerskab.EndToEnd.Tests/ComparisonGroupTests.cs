using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Audit.V1;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing;
using Partnerskab.Tokens;
using Shouldly;
using static Partnerskab.EndToEnd.Tests.OutcomeTestData;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>
/// The business case against a comparison group in the running suite: the kommune streams the
/// group's register statuses before registering it, sends them again, and the group never shows
/// up in the cohort, its fees, milestones, worklist, committee counts or citizen-level reads.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class ComparisonGroupTests(SuiteFixture suite)
{
    private SuiteClients Clients => suite.Clients;

    private const long SickRate = 400_000;
    private const int FirstShare = 6000, SteppedShare = 3000;
    private const long HandoverFeeOre = 100_000, StreakOre = 500_000;
    private const string Streak = "SELF_SUFFICIENT_4_WEEKS";

    [Fact]
    public async Task A_comparison_group_streamed_in_before_its_registration_is_weighed_by_month_since_start_and_kept_out_of_everything_else()
    {
        // The cohort: A and B handed over on Monday 2023-04-03 (months since start of 5, 4 and 4 weeks); A works from week 19.
        var partnershipId = (await Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("comparison-group")),
            deadline: SuiteClients.Deadline())).Partnership.PartnershipId;
        await Clients.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = partnershipId,
            Definitions = { new MilestoneDefinition { Code = Streak, Description = "Four self-sufficient weeks in a row", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 4 } },
        }, deadline: SuiteClients.Deadline());
        await Clients.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = partnershipId, EffectiveFrom = ThinSlice.Day(2023, 3, 1), HandoverFeeOre = HandoverFeeOre,
            MilestonePrices = { new MilestonePrice { MilestoneCode = Streak, AmountOre = StreakOre } },
        }, deadline: SuiteClients.Deadline());
        await Clients.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest
        {
            PartnershipId = partnershipId, Plan = new FollowUpPlan { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3 }, NoContactDays = 30 },
        }, deadline: SuiteClients.Deadline());
        var a = (await Clients.Cohort.HandOverCitizenAsync(TestCitizens.HandOver(partnershipId, 811, "CG-1"), deadline: SuiteClients.Deadline())).Citizen;
        var b = (await Clients.Cohort.HandOverCitizenAsync(TestCitizens.HandOver(partnershipId, 812, "CG-2"), deadline: SuiteClients.Deadline())).Citizen;
        await WaitForFollowUpAsync(Clients, partnershipId, a.CitizenId);
        await WaitForFollowUpAsync(Clients, partnershipId, b.CitizenId);
        using var finance = suite.ClientsFor(new TokenSubject("finance", [SuiteRoles.Finance], null, [partnershipId]));
        await finance.Outcome.SetBusinessCaseInputsAsync(new SetBusinessCaseInputsRequest
        {
            PartnershipId = partnershipId,
            Inputs = SicknessBenefitInputs(SickRate, FirstShare, SteppedShare),
        }, deadline: SuiteClients.Deadline());
        (await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
        [
            .. Enumerable.Range(14, 5).Select(w => Row(a.CitizenId, 2023, w, WeeklyStatus.SicknessBenefit)),
            .. Enumerable.Range(19, 8).Select(w => Row(a.CitizenId, 2023, w, WeeklyStatus.OrdinaryEmployment, 37_00)),
            .. Enumerable.Range(14, 13).Select(w => Row(b.CitizenId, 2023, w, WeeklyStatus.SicknessBenefit)),
        ])).Rejected.ShouldBe(0);

        // The comparison group: ten citizens who entered the target group on Monday 2023-05-01 (ISO week 18; months of 5, 4 and 5 weeks);
        // two of them work from week 23, the rest stay sick. Their weeks come first, then the registration, then the same weeks again.
        var group = Enumerable.Range(0, 10).Select(_ => Guid.NewGuid().ToString("N")).ToList();
        var working = group.Take(2).ToHashSet();
        WeeklyStatusRow[] weeks =
        [
            .. group.SelectMany(c => Enumerable.Range(18, 14).Select(w =>
                Row(c, 2023, w, working.Contains(c) && w >= 23 ? WeeklyStatus.OrdinaryEmployment : WeeklyStatus.SicknessBenefit))),
        ];
        var before = await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.ComparisonRegister,
            [.. weeks, Row(a.CitizenId, 2023, 20, WeeklyStatus.SicknessBenefit)]);
        var registered = await Clients.Outcome.RegisterComparisonCitizensAsync(new RegisterComparisonCitizensRequest
        {
            PartnershipId = partnershipId,
            Citizens = { group.Select(c => new ComparisonCitizen { CitizenId = c, TargetGroupStart = ThinSlice.Day(2023, 5, 1) }) },
        }, deadline: SuiteClients.Deadline());
        var again = await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.ComparisonRegister, weeks);
        var cohortCitizen = await Should.ThrowAsync<RpcException>(Clients.Outcome.RegisterComparisonCitizensAsync(new RegisterComparisonCitizensRequest
        {
            PartnershipId = partnershipId, Citizens = { new ComparisonCitizen { CitizenId = a.CitizenId, TargetGroupStart = ThinSlice.Day(2023, 5, 1) } },
        }, deadline: SuiteClients.Deadline()).ResponseAsync);

        (before.Accepted, before.Rejected).ShouldBe((140, 1));
        before.Results.Last().Violations.Single().Field.ShouldBe("citizen_id");
        (registered.Registered, registered.Corrected, registered.Unchanged).ShouldBe((10, 0, 0));
        (again.Accepted, again.Unchanged).ShouldBe((0, 140));
        cohortCitizen.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        cohortCitizen.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Single().Field.ShouldBe("citizens[0].citizen_id");

        var asOf = ThinSlice.Day(2023, 7, 31);
        using var committee = suite.ClientsFor(new TokenSubject("committee", [SuiteRoles.Committee], null, [partnershipId]));
        using var investor = suite.ClientsFor(new TokenSubject("investor", [SuiteRoles.Investor], null, [partnershipId]));
        var request = new GetBusinessCaseRequest { PartnershipId = partnershipId, AsOf = asOf, CostToDateOre = 300_000, CostExpectedOre = 900_000 };
        var read = await committee.Outcome.GetBusinessCaseAsync(request, deadline: SuiteClients.Deadline());
        var byInvestor = await investor.Outcome.GetBusinessCaseAsync(request, deadline: SuiteClients.Deadline());

        // By hand, month by month since start (citizens, weeks, on benefit, self-sufficient, benefit cost): the kommune pays 60 % of the
        // rate for a spell's first five weeks and 30 % after. The cohort's months end on 3 May, 3 June and 3 July; the group's on 1 June,
        // 1 July and 1 August, so the group's third month holds five weeks.
        var first = SickRate * FirstShare / 10_000;
        var stepped = SickRate * SteppedShare / 10_000;
        (int Citizens, int Weeks, int Benefit, int SelfSufficient, long Cost)[] cohort = [(2, 10, 10, 0, 10 * first), (2, 8, 4, 4, 4 * stepped), (2, 8, 4, 4, 4 * stepped)];
        (int Citizens, int Weeks, int Benefit, int SelfSufficient, long Cost)[] comparison =
            [(10, 50, 50, 0, 50 * first), (10, 40, 32, 8, 32 * stepped), (10, 50, 40, 10, 40 * stepped)];
        var scale = 2m / 10;
        var additional = cohort.Zip(comparison, (c, g) => c.SelfSufficient - scale * g.SelfSufficient).ToArray();
        var saved = cohort.Zip(comparison, (c, g) => scale * g.Benefit - c.Benefit).ToArray();
        var saving = cohort.Zip(comparison, (c, g) => scale * g.Cost - c.Cost).ToArray();
        var @case = read.Cases.Single();
        @case.Comparison.ShouldBe(BusinessCaseComparison.Group);
        (@case.CohortCitizens, @case.ComparisonCitizens).ShouldBe((2, 10));
        @case.Months.Select(m => (m.Cohort.Citizens, m.Cohort.Weeks, m.Cohort.BenefitWeeks, m.Cohort.SelfSufficientWeeks, m.Cohort.CostOre)).ShouldBe(cohort);
        @case.Months.Select(m => (m.Comparison.Citizens, m.Comparison.Weeks, m.Comparison.BenefitWeeks, m.Comparison.SelfSufficientWeeks, m.Comparison.CostOre))
            .ShouldBe(comparison);
        @case.Months.Select(m => m.AdditionalSelfSufficientWeeksHundredths).ShouldBe(additional.Select(w => (long)(w * 100)));
        @case.Months.Select(m => m.GrossSavingOre).ShouldBe(saving.Select(s => (long)s));
        @case.Estimate.AdditionalSelfSufficientWeeksHundredths.ShouldBe((long)(additional.Sum() * 100));
        @case.Estimate.BenefitWeeksSavedHundredths.ShouldBe((long)(saved.Sum() * 100));
        @case.Estimate.GrossSavingOre.ShouldBe((long)saving.Sum());
        @case.Estimate.NetToDateOre.ShouldBe((long)saving.Sum() - 300_000);
        @case.Estimate.NetExpectedOre.ShouldBe((long)saving.Sum() - 900_000);
        // Month 2 saves 288,000 øre, month 3 brings the cumulative saving past the cost to date.
        @case.Estimate.BreakEvenMonth.ShouldBe(3);
        byInvestor.ShouldBe(read);

        // Nowhere else: the cohort's counts, the fees and milestones, the worklist, the committee's counts, a citizen's reads.
        var counted = await Clients.Cohort.CountCitizensAsync(new CountCitizensRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline());
        var listed = await Clients.Cohort.ListCitizensAsync(new ListCitizensRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline());
        var ledger = await PaymentTestData.LedgerAsync(Clients, partnershipId, items => items.Count >= 3);
        var milestones = await Clients.Outcome.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline());
        var worklist = await Clients.Outcome.GetWorklistAsync(new GetWorklistRequest { PartnershipId = partnershipId, AsOf = asOf }, deadline: SuiteClients.Deadline());
        var report = await committee.Outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = partnershipId, AsOf = asOf },
            deadline: SuiteClients.Deadline());
        var timeline = await Should.ThrowAsync<RpcException>(Clients.Outcome.GetTimelineAsync(new GetTimelineRequest { PartnershipId = partnershipId, CitizenId = group[0] },
            deadline: SuiteClients.Deadline()).ResponseAsync);
        var schedule = await Should.ThrowAsync<RpcException>(Clients.Outcome.GetFollowUpScheduleAsync(new GetFollowUpScheduleRequest
        {
            PartnershipId = partnershipId, CitizenId = group[0], AsOf = asOf,
        }, deadline: SuiteClients.Deadline()).ResponseAsync);
        string[] cohortIds = [a.CitizenId, b.CitizenId];

        counted.Total.ShouldBe(2);
        listed.Citizens.Select(c => c.CitizenId).ShouldBe(cohortIds, ignoreOrder: true);
        ledger.Select(i => (i.CitizenId, i.AmountOre)).ShouldBe([(a.CitizenId, HandoverFeeOre), (b.CitizenId, HandoverFeeOre), (a.CitizenId, StreakOre)], ignoreOrder: true);
        milestones.Milestones.Select(m => (m.CitizenId, m.Code)).ShouldBe([(a.CitizenId, Streak)]);
        worklist.CitizensInFollowUp.ShouldBe(2);
        worklist.Items.ShouldNotBeEmpty();
        worklist.Items.Select(i => i.CitizenId).Distinct().ShouldBe(cohortIds, ignoreOrder: true);
        report.HandedOver.ShouldBe(2);
        report.Months.Select(m => m.InFollowUp).ShouldAllBe(n => n == 2);
        // In June's last week A works, and so do two of the group.
        report.Months.Single(m => m.Month == "2023-06").SelfSufficient.ShouldBe(1);
        report.Milestones.Sum(m => m.Citizens).ShouldBe(1);
        timeline.StatusCode.ShouldBe(StatusCode.NotFound);
        schedule.StatusCode.ShouldBe(StatusCode.NotFound);

        // Audited like any citizen: the streams and the registration name the comparison citizen, and so do the refused reads of it.
        using var auditor = suite.ClientsFor(new TokenSubject("auditor-1", [SuiteRoles.Auditor], null, [SuiteClaims.AllPartnerships]));
        var audited = (await auditor.Outcome.ListAuditEntriesAsync(new Protos.Outcome.V1.ListAuditEntriesRequest
        {
            Filter = new AuditFilter { CitizenId = group[0], PartnershipId = partnershipId },
        }, deadline: SuiteClients.Deadline())).Entries;
        audited.Select(e => (e.Rpc.Split('/').Last(), e.StatusCode))
            .ShouldBe([("ReportWeeklyStatuses", "OK"), ("RegisterComparisonCitizens", "OK"), ("ReportWeeklyStatuses", "OK"),
                ("GetTimeline", "NOT_FOUND"), ("GetFollowUpSchedule", "NOT_FOUND")]);
    }
}
