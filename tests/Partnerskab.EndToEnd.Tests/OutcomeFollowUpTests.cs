using Grpc.Core;
using Partnerskab.EndToEnd.Tests.Infrastructure;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.Tokens;
using Shouldly;
using static Partnerskab.EndToEnd.Tests.OutcomeTestData;

namespace Partnerskab.EndToEnd.Tests;

/// <summary>The follow-up plan, contacts, worklists, the 24-month close-out and the committee report in the running suite.</summary>
[Collection(SuiteCollection.Name)]
public sealed class OutcomeFollowUpTests(SuiteFixture suite)
{
    private SuiteClients Clients => suite.Clients;

    private static readonly FollowUpPlan Plan = new() { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3, 6, 12, 18, 24 }, NoContactDays = 30 };

    [Fact]
    public async Task Contacts_meet_checkpoints_the_worklist_pages_what_is_overdue_and_the_window_end_closes_the_citizen_out()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(Clients.Cohort, "worklist", 420, "WL-1");
        var partnershipId = partnership.PartnershipId;
        await WaitForFollowUpAsync(Clients, partnershipId, citizen.CitizenId);
        var noPlan = await Should.ThrowAsync<RpcException>(Clients.Outcome.GetWorklistAsync(
            new GetWorklistRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 7, 12) }, deadline: SuiteClients.Deadline()).ResponseAsync);
        noPlan.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await Clients.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest { PartnershipId = partnershipId, Plan = Plan },
            deadline: SuiteClients.Deadline())).Plan.ShouldBe(Plan);

        var contact = new RecordContactRequest
        {
            PartnershipId = partnershipId, CitizenId = citizen.CitizenId, ContactReference = "WL-C-1",
            ContactDate = ThinSlice.Day(2023, 4, 20), Channel = ContactChannel.Phone,
        };
        var recorded = await Clients.Outcome.RecordContactAsync(contact, deadline: SuiteClients.Deadline());
        var retried = await Clients.Outcome.RecordContactAsync(contact, deadline: SuiteClients.Deadline());
        (recorded.Created, retried.Created, retried.Contact).ShouldBe((true, false, recorded.Contact));
        var before = await suite.RowCountsAsync();
        var reused = await Should.ThrowAsync<RpcException>(Clients.Outcome.RecordContactAsync(
            new RecordContactRequest(contact) { ContactDate = ThinSlice.Day(2023, 4, 21) }, deadline: SuiteClients.Deadline()).ResponseAsync);
        var outside = await Should.ThrowAsync<RpcException>(Clients.Outcome.RecordContactAsync(
            new RecordContactRequest(contact) { ContactReference = "WL-C-2", ContactDate = ThinSlice.Day(2025, 4, 3) }, deadline: SuiteClients.Deadline()).ResponseAsync);
        reused.StatusCode.ShouldBe(StatusCode.AlreadyExists);
        outside.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        (await suite.RowCountsAsync()).ShouldBe(before);
        (await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Provider,
            [Row(citizen.CitizenId, 2023, 27, WeeklyStatus.OrdinaryEmployment, 37_00)])).Accepted.ShouldBe(1);

        // As of Wednesday 2023-07-12: the first period (to 2023-04-30) met by the contact, the next two missed, the
        // 3-month status (week of 2023-07-03) reported, and 83 days since the contact on 2023-04-20.
        var request = new GetWorklistRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 7, 12), PageSize = 2 };
        var first = await Clients.Outcome.GetWorklistAsync(request, deadline: SuiteClients.Deadline());
        var second = await Clients.Outcome.GetWorklistAsync(new GetWorklistRequest(request) { PageToken = first.NextPageToken }, deadline: SuiteClients.Deadline());

        first.Items.Concat(second.Items).Select(i => (i.Kind, i.CitizenId, i.DueOn, i.DaysWithoutContact)).ShouldBe([
            (WorklistItemKind.NoRecentContact, citizen.CitizenId, ThinSlice.Day(2023, 5, 20), 83),
            (WorklistItemKind.ContactOverdue, citizen.CitizenId, ThinSlice.Day(2023, 5, 28), 83),
            (WorklistItemKind.ContactOverdue, citizen.CitizenId, ThinSlice.Day(2023, 6, 25), 83),
        ]);
        first.Items.Count.ShouldBe(2);
        first.NextPageToken.ShouldNotBeEmpty();
        second.NextPageToken.ShouldBeEmpty();
        (first.CitizensInFollowUp, first.CitizensClosedOut).ShouldBe((1, 0));
        first.Items.ShouldAllBe(i => i.LastContactOn.Equals(ThinSlice.Day(2023, 4, 20)));

        var closed = await Clients.Outcome.GetFollowUpScheduleAsync(new GetFollowUpScheduleRequest
        {
            PartnershipId = partnershipId, CitizenId = citizen.CitizenId, AsOf = ThinSlice.Day(2025, 4, 10),
        }, deadline: SuiteClients.Deadline());
        closed.CloseOut.ShouldBe(new CloseOut { ClosedOutOn = ThinSlice.Day(2025, 4, 3), Reason = CloseOutReason.WindowEnded, FinalStatus = WeeklyStatus.Unspecified });
        closed.Checkpoints.Count(c => c.Kind == CheckpointKind.Contact).ShouldBe(26);
        closed.Checkpoints.Where(c => c.Kind == CheckpointKind.Status).Select(c => (c.Months, c.State)).ShouldBe([
            (3, CheckpointState.Met), (6, CheckpointState.Overdue), (12, CheckpointState.Overdue), (18, CheckpointState.Overdue),
        ]);
        var last = closed.Checkpoints.Single(c => c.Kind == CheckpointKind.CloseOut);
        (last.PeriodStart, last.DueOn, last.State).ShouldBe((ThinSlice.Day(2025, 3, 31), ThinSlice.Day(2025, 4, 6), CheckpointState.Overdue));
        var afterWindow = await Clients.Outcome.GetWorklistAsync(new GetWorklistRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2025, 4, 10) },
            deadline: SuiteClients.Deadline());
        (afterWindow.CitizensInFollowUp, afterWindow.CitizensClosedOut).ShouldBe((0, 1));
        afterWindow.Items.Select(i => (i.Kind, i.Months)).ShouldBe([
            (WorklistItemKind.StatusOverdue, 6), (WorklistItemKind.StatusOverdue, 12), (WorklistItemKind.StatusOverdue, 18), (WorklistItemKind.CloseOutOverdue, 0),
        ]);
    }

    [Fact]
    public async Task The_provider_reads_back_the_plan_and_the_committee_the_kpi_targets_the_kommune_set()
    {
        var partnershipId = (await Clients.Cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(TestCitizens.UniqueReference("read-back")),
            deadline: SuiteClients.Deadline())).Partnership.PartnershipId;
        using var provider = suite.ClientsFor(new TokenSubject("provider", [SuiteRoles.Provider], "12345678", [partnershipId]));
        using var committee = suite.ClientsFor(new TokenSubject("committee", [SuiteRoles.Committee], null, [partnershipId]));

        var noPlan = await Should.ThrowAsync<RpcException>(provider.Outcome.GetFollowUpPlanAsync(
            new GetFollowUpPlanRequest { PartnershipId = partnershipId }, deadline: SuiteClients.Deadline()).ResponseAsync);
        var unknown = await Should.ThrowAsync<RpcException>(Clients.Outcome.GetFollowUpPlanAsync(
            new GetFollowUpPlanRequest { PartnershipId = Guid.NewGuid().ToString() }, deadline: SuiteClients.Deadline()).ResponseAsync);
        (noPlan.StatusCode, unknown.StatusCode).ShouldBe((StatusCode.NotFound, StatusCode.NotFound));
        noPlan.Status.Detail.ShouldContain("has no follow-up plan");
        unknown.Status.Detail.ShouldContain("does not exist");
        (await committee.Outcome.GetKpiTargetsAsync(new GetKpiTargetsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Targets.ShouldBeEmpty();

        await Clients.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest { PartnershipId = partnershipId, Plan = Plan }, deadline: SuiteClients.Deadline());
        var replacement = new FollowUpPlan { ContactIntervalWeeks = 2, StatusCheckpointMonths = { 6, 12 }, NoContactDays = 21 };
        await Clients.Outcome.SetFollowUpPlanAsync(new SetFollowUpPlanRequest { PartnershipId = partnershipId, Plan = replacement }, deadline: SuiteClients.Deadline());
        (await provider.Outcome.GetFollowUpPlanAsync(new GetFollowUpPlanRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Plan.ShouldBe(replacement);

        var jobs = new KpiTarget { Code = "ORDINARY_JOBS", Description = "citizens in ordinary jobs", Measure = KpiMeasure.CitizensWithOutcome, OutcomeKind = OutcomeKind.JobStart, Target = 5 };
        var paid = new KpiTarget { Code = "PAID_6", Description = "six months self-sufficient", Measure = KpiMeasure.CitizensWithMilestone, MilestoneCode = "SELF_6", Target = 3 };
        var companies = new KpiTarget { Code = "COMPANIES", Description = "companies recruited", Measure = KpiMeasure.Employers, Target = 12 };
        await Clients.Outcome.SetKpiTargetsAsync(new SetKpiTargetsRequest { PartnershipId = partnershipId, Targets = { jobs, paid, companies } },
            deadline: SuiteClients.Deadline());
        (await committee.Outcome.GetKpiTargetsAsync(new GetKpiTargetsRequest { PartnershipId = partnershipId },
            deadline: SuiteClients.Deadline())).Targets.ShouldBe([companies, jobs, paid]);
    }

    [Fact]
    public async Task The_committee_reads_counts_targets_milestones_and_shares_as_of_a_day_and_a_past_day_gives_what_it_had()
    {
        var (partnership, citizen) = await TestCitizens.HandedOverAsync(Clients.Cohort, "committee", 421, "CR-1");
        var partnershipId = partnership.PartnershipId;
        await WaitForFollowUpAsync(Clients, partnershipId, citizen.CitizenId);
        await Clients.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = partnershipId,
            Definitions = { new MilestoneDefinition { Code = "JOB_START", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart } },
        }, deadline: SuiteClients.Deadline());
        await Clients.Outcome.SetKpiTargetsAsync(new SetKpiTargetsRequest
        {
            PartnershipId = partnershipId,
            Targets =
            {
                new KpiTarget { Code = "ORDINARY_JOBS", Description = "citizens in ordinary jobs", Measure = KpiMeasure.CitizensWithOutcome, OutcomeKind = OutcomeKind.JobStart, Target = 5 },
                new KpiTarget { Code = "FLEX_JOBS", Description = "citizens in flex jobs", Measure = KpiMeasure.CitizensWithOutcome, OutcomeKind = OutcomeKind.FlexJobStart, Target = 6 },
                new KpiTarget { Code = "COMPANIES", Description = "companies recruited", Measure = KpiMeasure.Employers, Target = 12 },
            },
        }, deadline: SuiteClients.Deadline());
        await StreamAsync(Clients, partnershipId, Guid.NewGuid().ToString(), StatusSource.Register,
            [Row(citizen.CitizenId, 2023, 17, WeeklyStatus.SicknessBenefit), Row(citizen.CitizenId, 2023, 27, WeeklyStatus.OrdinaryEmployment, 37_00)]);
        var claim = (await Clients.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = partnershipId, CitizenId = citizen.CitizenId, ClaimReference = "CR-CL-1", Kind = OutcomeKind.JobStart,
            OutcomeDate = ThinSlice.Day(2023, 6, 5), HoursPerWeekHundredths = 37_00, EmployerCvr = "12345678", EvidenceReference = "contract",
        }, deadline: SuiteClients.Deadline())).Claim;
        await Clients.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest { ClaimId = claim.ClaimId, VerifiedBy = "cw-1" }, deadline: SuiteClients.Deadline());
        using var committee = suite.ClientsFor(new TokenSubject("committee", [SuiteRoles.Committee], null, [partnershipId]));

        var july = await committee.Outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 7, 31) },
            deadline: SuiteClients.Deadline());
        var may = await committee.Outcome.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = partnershipId, AsOf = ThinSlice.Day(2023, 5, 31) },
            deadline: SuiteClients.Deadline());

        july.HandedOver.ShouldBe(1);
        july.Months.Select(m => m.Month).ShouldBe(["2023-04", "2023-05", "2023-06", "2023-07"]);
        july.Months[0].Counts.Single(c => c.Status == WeeklyStatus.SicknessBenefit).Citizens.ShouldBe(1);
        july.Months[0].Counts.Sum(c => c.Citizens).ShouldBe(1);
        july.Kpis.Select(k => (k.Target.Code, k.Target.Target, k.Actual)).ShouldBe([("COMPANIES", 12, 1), ("FLEX_JOBS", 6, 0), ("ORDINARY_JOBS", 5, 1)]);
        july.Milestones.Select(m => (m.Code, m.Citizens)).ShouldBe([("JOB_START", 1)]);
        var atThree = july.SelfSufficiency.Single(s => s.Months == 3);
        (atThree.Reached, atThree.SelfSufficient, atThree.ShareBasisPoints).ShouldBe((1, 1, 10_000));
        may.Months.ShouldBe(july.Months.Take(2));
        may.Kpis.ShouldAllBe(k => k.Actual == 0);
        may.Milestones.Select(m => (m.Code, m.Citizens)).ShouldBe([("JOB_START", 0)]);
        may.SelfSufficiency.ShouldAllBe(s => s.Reached == 0);
    }
}
