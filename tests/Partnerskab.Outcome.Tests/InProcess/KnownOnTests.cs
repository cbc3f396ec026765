using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.ServiceDefaults;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using MilestoneDefinition = Partnerskab.Outcome.Milestones.MilestoneDefinition;
using MilestoneRuleKind = Partnerskab.Outcome.Milestones.MilestoneRuleKind;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>
/// Facts recorded over simulated days, reports taken on each day, facts corrected later (a
/// re-coded status week, a back-dated exit): asked again as known on each day, the service gives
/// the very answers it gave that day. The handovers and exits arrive as the cohort service's
/// events on the real broker; the milestone definitions and follow-up plan are written through
/// the service's model, as their RPCs ask the cohort service, which is not hosted here.
/// </summary>
[Collection(ClockedOutcomeCollection.Name)]
public sealed class KnownOnTests(ClockedOutcomeHost outcome) : InProcessTests(outcome.ResetAsync)
{
    private const string Streak = "STREAK4";
    private static readonly LocalDate Start = new(2023, 4, 3);

    private readonly Guid partnership = Guid.NewGuid();
    private readonly string a = Guid.NewGuid().ToString("N"), b = Guid.NewGuid().ToString("N"), c = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Reports_asked_as_known_on_a_past_day_are_the_reports_given_that_day_after_later_corrections()
    {
        // Day 1: three citizens handed over; a milestone for four self-sufficient weeks in a row.
        outcome.On(new LocalDate(2023, 4, 3));
        await outcome.WriteAsync(db =>
        {
            db.MilestoneDefinitions.Add(new MilestoneDefinition
            {
                PartnershipId = partnership, Code = Streak, Description = "four weeks", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 4,
            });
            db.FollowUpPlans.Add(new Checkpoints.FollowUpPlan { PartnershipId = partnership, ContactIntervalWeeks = 4, StatusCheckpointMonths = [3, 6], NoContactDays = 30 });
        });
        foreach (var citizen in new[] { a, b, c })
        {
            await outcome.PublishAsync(new CitizenHandedOver
            {
                PartnershipId = partnership, CitizenId = new Pseudonym(citizen),
                HandoverDate = Start.ToDateOnly(), FollowUpStart = Start.ToDateOnly(), FollowUpEnd = Start.PlusMonths(24).ToDateOnly(),
            });
        }
        await outcome.WaitUntilAsync(async db => await db.FollowUpCitizens.CountAsync(x => x.PartnershipId == partnership) == 3, "the three handovers");
        var day1 = await TakeAsync(new LocalDate(2023, 4, 3));

        // Day 2: the provider reports four weeks in work for A and B, on benefit for C: A and B reach the milestone.
        outcome.On(new LocalDate(2023, 5, 8));
        await ReportAsync("provider-1", StatusSource.Provider,
            [.. Weeks(a, 14, 17, WeeklyStatus.OrdinaryEmployment), .. Weeks(b, 14, 17, WeeklyStatus.OrdinaryEmployment), .. Weeks(c, 14, 17, WeeklyStatus.SicknessBenefit)]);
        var day2 = await TakeAsync(new LocalDate(2023, 5, 8));
        day2.Report.Milestones.Single(m => m.Code == Streak).Citizens.ShouldBe(2);

        // Day 3: the register re-codes A's week 15 as sickness benefit: A's milestone goes.
        outcome.On(new LocalDate(2023, 6, 5));
        await ReportAsync("register-1", StatusSource.Register, Weeks(a, 15, 15, WeeklyStatus.SicknessBenefit));
        var day3 = await TakeAsync(new LocalDate(2023, 6, 5));
        day3.Report.Milestones.Single(m => m.Code == Streak).Citizens.ShouldBe(1);

        // Day 4: B's exit, back-dated to 20 April, arrives: B's weeks after it no longer count.
        outcome.On(new LocalDate(2023, 7, 3));
        await outcome.PublishAsync(new CitizenExited
        {
            PartnershipId = partnership, CitizenId = new Pseudonym(b), ExitDate = new DateOnly(2023, 4, 20), Reason = ExitReason.Withdrew,
        });
        await outcome.WaitUntilAsync(db => db.Milestones.AnyAsync(m => m.CitizenId == b && m.RevokedAt != null), "B's exit to revoke B's milestone");
        var day4 = await TakeAsync(new LocalDate(2023, 7, 3));
        day4.Report.Milestones.Single(m => m.Code == Streak).Citizens.ShouldBe(0);
        day4.Report.Months.Single(m => m.Month == "2023-04").Exited.ShouldBe(1);

        // Later, each day asked again as known on it: the same answers.
        outcome.On(new LocalDate(2023, 9, 1));
        foreach (var taken in new[] { day1, day2, day3, day4 })
        {
            var again = await TakeAsync(taken.Day, knownOn: taken.Day);
            again.Report.ShouldBe(taken.Report, $"the committee report as known on {taken.Day}");
            again.Milestones.ShouldBe(taken.Milestones, $"the milestones as known on {taken.Day}");
            again.Worklist.ShouldBe(taken.Worklist, $"the worklist as known on {taken.Day}");
        }
        // As known now, the corrections show: the past days' answers differ.
        (await TakeAsync(day2.Day)).Report.ShouldNotBe(day2.Report);

        // Each revocation says when it was learnt, the day the facts say, which fact and who reported it.
        var revoked = (await outcome.Client.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnership.ToString() },
            deadline: SuiteClients.Deadline())).Milestones.Where(m => m.Revoked).OrderBy(m => m.RevokedAt).ToList();
        revoked.Select(m => (m.CitizenId, m.RevokedOn, m.EffectiveOn, m.Cause.Kind, m.Cause.Reference)).ShouldBe(
        [
            (a, ThinSlice.Day(2023, 6, 5), ThinSlice.Day(2023, 4, 10), "status-week", "2023-W15"),
            (b, ThinSlice.Day(2023, 7, 3), ThinSlice.Day(2023, 4, 20), "exit", "2023-04-20"),
        ]);
        revoked[0].Cause.ReportedBy.ShouldBe($"{ClockedOutcomeHost.Operator.Subject} ({string.Join(", ", ClockedOutcomeHost.Operator.Roles)})");
        revoked[1].Cause.ReportedBy.ShouldBe("the cohort service");
        revoked[0].Cause.KnownAt.ShouldBe(revoked[0].RevokedAt);

    }

    [Fact]
    public async Task A_replaced_weekly_report_is_kept_with_when_it_stopped_being_current_and_a_week_given_twice_in_a_stream_keeps_only_what_was_stored()
    {
        outcome.On(new LocalDate(2023, 4, 3));
        await outcome.PublishAsync(new CitizenHandedOver
        {
            PartnershipId = partnership, CitizenId = new Pseudonym(a),
            HandoverDate = Start.ToDateOnly(), FollowUpStart = Start.ToDateOnly(), FollowUpEnd = Start.PlusMonths(24).ToDateOnly(),
        });
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(x => x.PartnershipId == partnership), "the handover");
        outcome.On(new LocalDate(2023, 5, 8));
        await ReportAsync("p-1", StatusSource.Provider, Weeks(a, 14, 15, WeeklyStatus.OrdinaryEmployment));
        var firstAt = outcome.Clock.GetCurrentInstant();
        var replacedAt = firstAt.Plus(Duration.FromDays(7));
        outcome.On(new LocalDate(2023, 5, 15));
        await ReportAsync("p-2", StatusSource.Provider,
            [.. Weeks(a, 14, 14, WeeklyStatus.SicknessBenefit), .. Weeks(a, 14, 14, WeeklyStatus.Education), .. Weeks(a, 16, 16, WeeklyStatus.Education)]);

        var kept = await outcome.ReadAsync(db => db.SupersededStatusReports.AsNoTracking().Where(r => r.PartnershipId == partnership).ToListAsync());
        kept.Select(r => (r.WeekStart, r.Status, r.RecordedAt, r.SupersededAt)).ShouldBe([(Start, Timeline.WeeklyStatusKind.OrdinaryEmployment, firstAt, replacedAt)]);
        var current = await outcome.ReadAsync(db => db.WeeklyStatusReports.AsNoTracking().SingleAsync(r => r.PartnershipId == partnership && r.WeekStart == Start));
        (current.Status, current.RecordedAt).ShouldBe((Timeline.WeeklyStatusKind.Education, replacedAt));
    }

    [Fact]
    public async Task A_corrected_handover_date_that_moves_the_window_revokes_what_it_takes_away_with_the_handover_as_its_cause()
    {
        outcome.On(new LocalDate(2023, 4, 3));
        await outcome.WriteAsync(db =>
        {
            db.MilestoneDefinitions.Add(new MilestoneDefinition
            {
                PartnershipId = partnership, Code = Streak, Description = "four weeks", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 4,
            });
            db.FollowUpPlans.Add(new Checkpoints.FollowUpPlan { PartnershipId = partnership, ContactIntervalWeeks = 4, StatusCheckpointMonths = [1, 3], NoContactDays = 30 });
        });
        await outcome.PublishAsync(HandedOver(a, Start));
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(x => x.PartnershipId == partnership), "the handover");
        outcome.On(new LocalDate(2023, 5, 8));
        await ReportAsync("p-1", StatusSource.Provider, Weeks(a, 14, 17, WeeklyStatus.OrdinaryEmployment));
        var beforeTheMove = await TakeAsync(new LocalDate(2023, 5, 8));

        // The kommune corrects the handover to a week later: the first week in work falls before the window, the streak is three weeks.
        outcome.On(new LocalDate(2023, 6, 1));
        var corrected = Start.PlusWeeks(1);
        await outcome.PublishAsync(HandedOver(a, corrected));
        await outcome.WaitUntilAsync(db => db.Milestones.AnyAsync(m => m.CitizenId == a && m.RevokedAt != null), "the moved handover to revoke A's milestone");

        var milestone = (await outcome.Client.ListMilestonesAsync(new ListMilestonesRequest { PartnershipId = partnership.ToString() },
            deadline: SuiteClients.Deadline())).Milestones.ShouldHaveSingleItem();
        (milestone.Revoked, milestone.RevokedOn, milestone.EffectiveOn, milestone.Cause.Kind, milestone.Cause.Reference, milestone.Cause.ReportedBy).ShouldBe(
            (true, ThinSlice.Day(2023, 6, 1), Start.ToProto(), "handover", "2023-04-10", "the cohort service"));
        milestone.RevocationReason.ShouldContain("the handover date moved from 2023-04-03 to 2023-04-10");
        (await outcome.ReadAsync(db => db.FollowUpCitizens.AsNoTracking().SingleAsync(x => x.PartnershipId == partnership))).FollowUpStart.ShouldBe(corrected);

        // As known on the day before the move, the window and what it decided are as they were then.
        var again = await TakeAsync(beforeTheMove.Day, knownOn: beforeTheMove.Day);
        again.Report.ShouldBe(beforeTheMove.Report, "the committee report as known before the move");
        again.Milestones.ShouldBe(beforeTheMove.Milestones, "the milestones as known before the move");
        again.Worklist.ShouldBe(beforeTheMove.Worklist, "the worklist as known before the move");
        (await TakeAsync(beforeTheMove.Day)).Worklist.ShouldNotBe(beforeTheMove.Worklist, "as known now, the checkpoints follow the moved window");
    }

    private CitizenHandedOver HandedOver(string citizen, LocalDate start) => new()
    {
        PartnershipId = partnership, CitizenId = new Pseudonym(citizen),
        HandoverDate = start.ToDateOnly(), FollowUpStart = start.ToDateOnly(), FollowUpEnd = start.PlusMonths(24).ToDateOnly(),
    };

    private sealed record Taken(LocalDate Day, GetCommitteeReportResponse Report, List<Protos.Outcome.V1.Milestone> Milestones, GetWorklistResponse Worklist);

    /// <summary>The committee report, the partnership's milestones and the worklist on the day, as known now or on a day.</summary>
    private async Task<Taken> TakeAsync(LocalDate day, LocalDate? knownOn = null)
    {
        var report = await outcome.Client.GetCommitteeReportAsync(new GetCommitteeReportRequest
        {
            PartnershipId = partnership.ToString(), AsOf = AsOf(day, knownOn), KnownOn = knownOn?.ToProto(),
        }, deadline: SuiteClients.Deadline());
        var milestones = await outcome.Client.ListMilestonesAsync(new ListMilestonesRequest
        {
            PartnershipId = partnership.ToString(), KnownOn = knownOn?.ToProto(),
        }, deadline: SuiteClients.Deadline());
        var worklist = await outcome.Client.GetWorklistAsync(new GetWorklistRequest
        {
            PartnershipId = partnership.ToString(), AsOf = AsOf(day, knownOn), KnownOn = knownOn?.ToProto(), PageSize = 1000,
        }, deadline: SuiteClients.Deadline());
        return new Taken(day, report, [.. milestones.Milestones], worklist);
    }

    /// <summary>The day asked about: named when asking as known now; left to default to the known-on day otherwise.</summary>
    private static Google.Type.Date? AsOf(LocalDate day, LocalDate? knownOn) => knownOn == day ? null : day.ToProto();

    private static IEnumerable<WeeklyStatusRow> Weeks(string citizen, int from, int to, WeeklyStatus status) =>
        Enumerable.Range(from, to - from + 1).Select(week => new WeeklyStatusRow { CitizenId = citizen, IsoWeekYear = 2023, IsoWeek = week, Status = status });

    private async Task ReportAsync(string key, StatusSource source, IEnumerable<WeeklyStatusRow> rows)
    {
        using var call = outcome.Client.ReportWeeklyStatuses(deadline: SuiteClients.Deadline());
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(new ReportWeeklyStatusesRequest { PartnershipId = partnership.ToString(), IdempotencyKey = key, Source = source, Row = row });
        }
        await call.RequestStream.CompleteAsync();
        var answer = await call;
        answer.Rejected.ShouldBe(0);
    }
}
