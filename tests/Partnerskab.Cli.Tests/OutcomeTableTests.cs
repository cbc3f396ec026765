using Grpc.Core;
using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Outcome.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Tests;

public sealed class OutcomeTableTests
{
    private const string Citizen = "0123456789abcdef0123456789abcdef";
    private const string Other = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void The_worklist_prints_every_page_in_order_with_the_counts_and_the_plan_of_the_first()
    {
        var plan = new FollowUpPlan { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3, 6, 12 }, NoContactDays = 30 };
        var first = new GetWorklistResponse
        {
            CitizensInFollowUp = 2, CitizensClosedOut = 1, Plan = plan, NextPageToken = "t",
            Items =
            {
                new WorklistItem { Kind = WorklistItemKind.NoRecentContact, CitizenId = Citizen, DueOn = Day(2023, 5, 20), LastContactOn = Day(2023, 4, 20), DaysWithoutContact = 83 },
                new WorklistItem { Kind = WorklistItemKind.StatusOverdue, CitizenId = Other, DueOn = Day(2023, 7, 9), Months = 3, DaysWithoutContact = 100 },
            },
        };
        var last = new GetWorklistResponse
        {
            CitizensInFollowUp = 2, CitizensClosedOut = 1, Plan = plan,
            Items = { new WorklistItem { Kind = WorklistItemKind.CloseOutOverdue, CitizenId = Other, DueOn = Day(2025, 4, 6), DaysWithoutContact = 731 } },
        };

        var report = WorklistView.Report("p", [first, last]);

        var lines = report.Split('\n');
        lines[0].ShouldBe("  Worklist of partnership p: 2 citizens in follow-up, 1 closed out");
        lines[1].ShouldBe("  plan: a contact every 4 weeks, a status at 3, 6, 12 months, left without contact after 30 days");
        FinanceTests.Cells(string.Join('\n', lines.Skip(3))).ShouldBe(
        [
            ["due on", "kind", "citizen", "months", "last contact", "days without contact"],
            ["2023-05-20", "no_recent_contact", Citizen, "", "2023-04-20", "83"],
            ["2023-07-09", "status_overdue", Other, "3", "", "100"],
            ["2025-04-06", "close_out_overdue", Other, "", "", "731"],
        ]);
    }

    [Fact]
    public async Task The_worklist_command_follows_the_page_tokens_to_the_last_page()
    {
        var plan = new FollowUpPlan { ContactIntervalWeeks = 4, StatusCheckpointMonths = { 3 }, NoContactDays = 30 };
        var client = new PagedWorklist(
        [
            new GetWorklistResponse { Plan = plan, NextPageToken = "after-1", Items = { new WorklistItem { CitizenId = Citizen, DueOn = Day(2023, 5, 1) } } },
            new GetWorklistResponse { Plan = plan, NextPageToken = "after-2", Items = { new WorklistItem { CitizenId = Citizen, DueOn = Day(2023, 6, 1) } } },
            new GetWorklistResponse { Plan = plan, Items = { new WorklistItem { CitizenId = Other, DueOn = Day(2023, 7, 1) } } },
        ]);
        var output = new StringWriter();

        var pages = await new WorklistView(client, output).ShowAsync("p", Day(2023, 7, 12));

        client.Requests.Select(r => (r.PartnershipId, r.AsOf, r.PageToken)).ShouldBe(
            [("p", Day(2023, 7, 12), ""), ("p", Day(2023, 7, 12), "after-1"), ("p", Day(2023, 7, 12), "after-2")]);
        pages.Count.ShouldBe(3);
        output.ToString().ShouldBe(WorklistView.Report("p", pages));
        output.ToString().Split('\n').Count(l => l.Contains(Citizen) || l.Contains(Other)).ShouldBe(3);
    }

    [Fact]
    public void The_committee_report_prints_a_status_column_per_status_with_not_reported_first_and_the_counts_beside()
    {
        StatusCount[] Counts(int notReported, int sick, int employed) =>
        [
            new() { Status = WeeklyStatus.Unspecified, Citizens = notReported },
            new() { Status = WeeklyStatus.SicknessBenefit, Citizens = sick },
            new() { Status = WeeklyStatus.OrdinaryEmployment, Citizens = employed },
        ];
        var months = new[]
        {
            new MonthlyStatusCounts { Month = "2023-04", CountedOn = Day(2023, 4, 30), InFollowUp = 3, Counts = { Counts(1, 2, 0) } },
            new MonthlyStatusCounts { Month = "2023-05", CountedOn = Day(2023, 5, 17), InFollowUp = 2, Exited = 1, SelfSufficient = 1, Counts = { Counts(0, 1, 1) } },
        };

        FinanceTests.Cells(CommitteeReportView.MonthsTable(months)).ShouldBe(
        [
            ["month", "counted on", "in follow-up", "not reported", "sickness_benefit", "ordinary_employment", "self-sufficient", "completed", "exited"],
            ["2023-04", "2023-04-30", "3", "1", "2", "0", "0", "0", "0"],
            ["2023-05", "2023-05-17", "2", "0", "1", "1", "1", "0", "1"],
        ]);
    }

    [Fact]
    public void Kpi_targets_say_what_they_count_and_shares_are_percentages()
    {
        FinanceTests.Cells(CommitteeReportView.KpiTable(
        [
            new KpiResult { Target = new KpiTarget { Code = "COMPANIES", Description = "companies recruited", Measure = KpiMeasure.Employers, Target = 12 }, Actual = 4 },
            new KpiResult
            {
                Target = new KpiTarget { Code = "FLEX_JOBS", Description = "in flex jobs", Measure = KpiMeasure.CitizensWithOutcome, OutcomeKind = OutcomeKind.FlexJobStart, Target = 6 },
                Actual = 5,
            },
            new KpiResult
            {
                Target = new KpiTarget { Code = "PAID_6", Description = "", Measure = KpiMeasure.CitizensWithMilestone, MilestoneCode = "SELF_6", Target = 3 },
                Actual = 0,
            },
        ])).ShouldBe(
        [
            ["kpi", "description", "counts", "target", "actual"],
            ["COMPANIES", "companies recruited", "employers", "12", "4"],
            ["FLEX_JOBS", "in flex jobs", "citizens with flex_job_start", "6", "5"],
            ["PAID_6", "", "citizens with SELF_6", "3", "0"],
        ]);
        FinanceTests.Cells(CommitteeReportView.SelfSufficiencyTable(
        [
            new SelfSufficiencyAtMonth { Months = 3, Reached = 13, SelfSufficient = 4, NotReported = 2, ExitedBefore = 1, ShareBasisPoints = 3_077 },
            new SelfSufficiencyAtMonth { Months = 24 },
        ])).ShouldBe(
        [
            ["months", "reached", "self-sufficient", "not reported", "exited before", "share"],
            ["3", "13", "4", "2", "1", "30.77 %"],
            ["24", "0", "0", "0", "0", "0.00 %"],
        ]);
    }

    [Fact]
    public void The_whole_report_names_the_partnership_and_day_and_holds_every_table()
    {
        var report = new GetCommitteeReportResponse
        {
            PartnershipId = "p", AsOf = Day(2025, 3, 31), HandedOver = 150,
            Milestones = { new MilestoneCount { Code = "JOB_START", Citizens = 7 } },
            FinalStatuses = { new StatusCount { Status = WeeklyStatus.Unspecified, Citizens = 2 }, new StatusCount { Status = WeeklyStatus.FlexJob, Citizens = 5 } },
        };

        var lines = CommitteeReportView.Report(report).Split('\n');

        lines[0].ShouldBe("  Committee report of partnership p as of 2025-03-31: 150 citizens handed over");
        lines.ShouldContain(l => l.StartsWith("  JOB_START") && l.TrimEnd().EndsWith(" 7"));
        lines.ShouldContain(l => l.StartsWith("  not reported") && l.TrimEnd().EndsWith(" 2"));
        lines.ShouldContain(l => l.StartsWith("  flex_job") && l.TrimEnd().EndsWith(" 5"));
        var headings = new[]
        {
            "  Citizens in follow-up by status at each month's end", "  KPI targets against actuals", "  Standing milestones",
            "  Self-sufficient at months after handover", "  Closed out by final status",
        }.Select(h => Array.IndexOf(lines, h)).ToArray();
        headings.ShouldAllBe(at => at > 0);
        headings.ShouldBe(headings.Order());
    }

    /// <summary>A worklist served a page per call, in order; keeps the requests it got.</summary>
    private sealed class PagedWorklist(IReadOnlyList<GetWorklistResponse> pages) : OutcomeService.OutcomeServiceClient
    {
        public List<GetWorklistRequest> Requests { get; } = [];

        public override AsyncUnaryCall<GetWorklistResponse> GetWorklistAsync(GetWorklistRequest request, CallOptions options)
        {
            Requests.Add(request.Clone());
            return new AsyncUnaryCall<GetWorklistResponse>(Task.FromResult(pages[Requests.Count - 1]), Task.FromResult(new Metadata()),
                () => Status.DefaultSuccess, () => [], () => { });
        }
    }

    [Fact]
    public void The_timeline_names_an_exited_citizens_exit_reason_from_its_enum()
    {
        var timeline = new GetTimelineResponse
        {
            CitizenId = Citizen, FollowUpStart = Day(2023, 4, 3), FollowUpEnd = Day(2025, 4, 3),
            ExitDate = Day(2023, 5, 1), ExitReasonKind = Protos.Cohort.V1.ExitReason.WronglyEnrolled,
        };

        var header = TimelineView.Report(timeline, new ListMilestonesResponse()).Split('\n')[0];

        header.ShouldBe($"  citizen {Citizen}: follow-up 2023-04-03 to 2025-04-03 (exclusive), exited 2023-05-01 (wrongly_enrolled)");
        var inFollowUp = new GetTimelineResponse { CitizenId = Citizen, FollowUpStart = Day(2023, 4, 3), FollowUpEnd = Day(2025, 4, 3) };
        TimelineView.Report(inFollowUp, new ListMilestonesResponse()).Split('\n')[0].ShouldNotContain("exited");
    }

    private static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
