using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Calendars;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Outcome.Checkpoints;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Reports;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Scenario;
using Partnerskab.ServiceDefaults;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using WorklistItemKind = Partnerskab.Outcome.Checkpoints.WorklistItemKind;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>
/// The kept worklist and committee counts against the ones computed from every citizen, over
/// random facts (seeded, so a failure repeats): handovers, moved handover dates, exits (wrongly
/// enrolled among them), contacts, weekly statuses and erasures arrive through the service's own
/// events and RPCs over simulated days, and after each round every page of the worklist on days
/// from today on is the computed one, item for item, with the same counts and page tokens that
/// chain, and the committee report's counts on days before and after today are the computed ones.
/// </summary>
[Collection(ClockedOutcomeCollection.Name)]
public sealed class KeptReadsTests(ClockedOutcomeHost outcome) : InProcessTests(outcome.ResetAsync)
{
    private static readonly Checkpoints.FollowUpPlan Plan = new() { ContactIntervalWeeks = 4, StatusCheckpointMonths = [3, 6, 12, 18, 24], NoContactDays = 30 };

    private readonly Guid partnership = Guid.NewGuid();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_kept_worklist_and_counts_are_the_computed_ones_after_random_facts(int seed)
    {
        var random = new Random(seed);
        var today = new LocalDate(2023, 3, 1);
        outcome.On(today);
        await AddPlanAsync();
        var citizens = new Dictionary<string, LocalDate>();
        for (var round = 0; round < 5; round++)
        {
            today = today.PlusDays(random.Next(20, 200));
            outcome.On(today);
            foreach (var _ in Enumerable.Range(0, 3))
            {
                var citizen = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
                citizens[citizen] = today.PlusDays(-random.Next(0, 60));
                await HandOverAsync(citizen, citizens[citizen]);
            }
            foreach (var (citizen, start) in citizens.ToList())
            {
                switch (random.Next(10))
                {
                    case 0:
                        citizens[citizen] = start.PlusDays(random.Next(-10, 10));
                        await HandOverAsync(citizen, citizens[citizen]);
                        break;
                    case 1:
                        await ExitAsync(citizen, Between(random, start, today), random.Next(4) == 0 ? ExitReason.WronglyEnrolled : ExitReason.Withdrew);
                        break;
                    case 2 when round > 2:
                        await outcome.PublishAsync(new CitizenDataErased { PartnershipId = partnership, CitizenId = new Pseudonym(citizen), ErasedOn = today.ToDateOnly() });
                        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(c => c.CitizenId == citizen && c.ErasedOn != null), "the erasure");
                        break;
                }
                foreach (var __ in Enumerable.Range(0, random.Next(4)))
                {
                    await ContactAsync(citizen, Between(random, start, today));
                }
                await ReportAsync(Enumerable.Range(0, random.Next(6)).Select(_ => (citizen, Between(random, start, today))),
                    random.Next(2) == 0 ? StatusSource.Provider : StatusSource.Register, random);
            }

            // The citizens the statuses marked are recounted by the upkeep: what follows reads what it kept.
            await outcome.WaitUntilAsync(async db => !await db.KeptRecounts.AnyAsync(), "the recounts");
            foreach (var asOf in new[] { today, today.PlusDays(random.Next(1, 60)), today.PlusDays(random.Next(60, 900)) })
            {
                await ShouldBeComputedAsync(asOf, $"seed {seed}, round {round}, as of {asOf}");
            }
            foreach (var asOf in new[] { today.PlusDays(-random.Next(0, 400)), today, today.PlusDays(random.Next(1, 900)) })
            {
                await ReportShouldBeComputedAsync(asOf, $"seed {seed}, round {round}, report as of {asOf}");
            }
        }

        // Built again from the facts, as a new plan or the first start on an existing database does: the same answers.
        await using (var scope = outcome.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KeptReads>().RequestRebuildAsync(partnership, CancellationToken.None);
        }
        await outcome.WaitUntilAsync(async db => !await db.KeptRebuilds.AnyAsync(), "the rebuild");
        await ShouldBeComputedAsync(today, $"seed {seed}, rebuilt");
        await ReportShouldBeComputedAsync(today, $"seed {seed}, rebuilt");
    }

    [Fact]
    public async Task A_kept_item_whose_citizen_is_not_kept_is_answered_from_the_facts_with_a_warning()
    {
        var today = new LocalDate(2023, 6, 1);
        outcome.On(today);
        await AddPlanAsync();
        var citizens = Enumerable.Range(0, 3).Select(_ => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())).ToList();
        foreach (var citizen in citizens) await HandOverAsync(citizen, today.PlusDays(-100));
        // What a lost or half-written kept row would leave: the citizen's items without the row every item shows.
        await outcome.ReadAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM worklist_citizens WHERE citizen_id = {citizens[1]}"));

        await ShouldBeComputedAsync(today, "a kept item's citizen not kept");

        outcome.Warnings.ShouldContain(w => w.Contains(nameof(GetWorklistHandler)) && w.Contains(partnership.ToString()) && w.Contains("computed from the facts"));
    }

    private Task AddPlanAsync() => outcome.WriteAsync(db => db.FollowUpPlans.Add(new Checkpoints.FollowUpPlan
    {
        PartnershipId = partnership, ContactIntervalWeeks = Plan.ContactIntervalWeeks, StatusCheckpointMonths = Plan.StatusCheckpointMonths, NoContactDays = Plan.NoContactDays,
    }));

    /// <summary>The committee report's counts on the day, as the service answers from its kept counts, against the old computation over every citizen.</summary>
    /// <remarks>A read recounts the partnership's marked citizens first, so nothing is waiting after it.</remarks>
    private async Task ReportShouldBeComputedAsync(LocalDate asOf, string what)
    {
        var expected = await outcome.ReadAsync(async db => CommitteeReport.CountCitizens(
            (await db.FollowUpCitizens.AsNoTracking().Where(c => c.PartnershipId == partnership && c.ExitReason != ExitReason.WronglyEnrolled).ToListAsync())
                .Select(c => new CommitteeReport.Citizen(c.CitizenId, c.Window, c.Weeks)).ToList(), asOf));
        var report = await outcome.Client.GetCommitteeReportAsync(new GetCommitteeReportRequest { PartnershipId = partnership.ToString(), AsOf = asOf.ToProto() },
            deadline: SuiteClients.Deadline());

        report.HandedOver.ShouldBe(expected.HandedOver, what);
        report.Months.Select(m => (m.Month, Day(m.CountedOn), m.InFollowUp, m.Completed, m.Exited, m.SelfSufficient, Counts(m.Counts))).ToList()
            .ShouldBe(expected.Months.Select(m => (NodaTime.Text.YearMonthPattern.Iso.Format(m.YearMonth), m.CountedOn, m.InFollowUp, m.Completed, m.Exited,
                m.SelfSufficient, Counts(m.Counts))).ToList(), what);
        report.SelfSufficiency.Select(a => (a.Months, a.Reached, a.SelfSufficient, a.NotReported, a.ExitedBefore, a.ShareBasisPoints)).ToList()
            .ShouldBe(expected.SelfSufficiency.Select(a => (a.Months, a.Reached, a.SelfSufficient, a.NotReported, a.ExitedBefore, a.ShareBasisPoints)).ToList(), what);
        Counts(report.FinalStatuses).ShouldBe(Counts(expected.FinalStatuses), what);
        (await outcome.ReadAsync(db => KeptReads.WaitingAsync(db, partnership, CancellationToken.None))).ShouldBeFalse($"{what}: the kept counts answer");
    }

    private static string Counts(IEnumerable<Protos.Outcome.V1.StatusCount> counts) => string.Join(" ", counts.Select(c => $"{(int)c.Status}:{c.Citizens}"));

    private static string Counts(IEnumerable<CommitteeReport.StatusCount> counts) =>
        string.Join(" ", counts.Select(c => $"{(c.Status is { } s ? (int)s : 0)}:{c.Citizens}"));

    /// <summary>Every page of the worklist on the day, as the service answers from its kept rows, against the old computation over every citizen.</summary>
    private async Task ShouldBeComputedAsync(LocalDate asOf, string what)
    {
        var expected = await outcome.ReadAsync(async db =>
        {
            var citizens = await db.FollowUpCitizens.AsNoTracking()
                .Where(c => c.PartnershipId == partnership && c.FollowUpStart <= asOf && c.ExitReason != ExitReason.WronglyEnrolled).ToListAsync();
            var contacts = (await db.Contacts.AsNoTracking().Where(c => c.PartnershipId == partnership).ToListAsync()).ToLookup(c => c.CitizenId, c => c.ContactDate);
            var schedules = citizens.Select(c => (c.CitizenId, Schedule: FollowUpSchedule.Build(Plan, c.Window, asOf, contacts[c.CitizenId], c.Weeks))).ToList();
            return (Items: schedules.SelectMany(s => Worklist.Items(s.CitizenId, s.Schedule, Plan.NoContactDays)).OrderBy(i => i.SortKey).ToList(),
                InFollowUp: schedules.Count(s => s.Schedule.InFollowUp), ClosedOut: schedules.Count(s => !s.Schedule.InFollowUp));
        });

        var items = new List<WorklistItem>();
        var token = "";
        do
        {
            var page = await outcome.Client.GetWorklistAsync(new GetWorklistRequest
            {
                PartnershipId = partnership.ToString(), AsOf = asOf.ToProto(), PageSize = 7, PageToken = token,
            }, deadline: SuiteClients.Deadline());
            (page.CitizensInFollowUp, page.CitizensClosedOut).ShouldBe((expected.InFollowUp, expected.ClosedOut), what);
            page.Items.Count.ShouldBeLessThanOrEqualTo(7);
            items.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token != "");

        items.Select(i => ((WorklistItemKind)(int)i.Kind, i.CitizenId, Day(i.DueOn), i.Months, i.LastContactOn is null ? (LocalDate?)null : Day(i.LastContactOn), i.DaysWithoutContact)).ToList()
            .ShouldBe(expected.Items.Select(i => (i.Kind, i.CitizenId, i.DueOn, i.Months, i.LastContactOn, i.DaysWithoutContact)).ToList(), what);
        (await outcome.ReadAsync(db => KeptWorklistRead.AnswersAsync(db, partnership, asOf, CancellationToken.None))).ShouldBeTrue($"{what}: the kept rows answer");
    }

    [Fact]
    public async Task Citizens_marked_by_weekly_statuses_are_recounted_once_by_a_read_or_competing_upkeeps_and_the_answers_are_exact()
    {
        await WithTheUpkeepStoppedAsync(async () =>
        {
            var random = new Random(4);
            var today = new LocalDate(2023, 9, 1);
            outcome.On(today);
            await AddPlanAsync();
            var citizens = Enumerable.Range(0, 12).Select(_ => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())).ToList();
            foreach (var citizen in citizens) await HandOverAsync(citizen, today.PlusDays(-random.Next(100, 200)));
            await ReportAsync(citizens.SelectMany(c => Enumerable.Range(1, 8).Select(w => (c, today.PlusWeeks(-w)))), StatusSource.Provider, random);
            (await MarkedAsync()).ShouldBe(citizens, ignoreOrder: true);

            // The read meets the marks, recounts them, and answers from what it kept.
            await ReportShouldBeComputedAsync(today, "a read meeting marked citizens");
            await ShouldBeComputedAsync(today, "a worklist after the read recounted");

            // Upkeeps of three instances recount the same marks at once.
            await ReportAsync(citizens.SelectMany(c => Enumerable.Range(9, 4).Select(w => (c, today.PlusWeeks(-w)))), StatusSource.Register, random);
            (await MarkedAsync()).ShouldBe(citizens, ignoreOrder: true);
            await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                await using var scope = outcome.Services.CreateAsyncScope();
                var kept = scope.ServiceProvider.GetRequiredService<KeptReads>();
                while (await kept.RecountMarkedAsync(null, CancellationToken.None))
                {
                }
            }));
            (await outcome.ReadAsync(db => db.KeptRecounts.AnyAsync())).ShouldBeFalse();
            await ShouldBeComputedAsync(today, "competing upkeeps");
            await ReportShouldBeComputedAsync(today, "competing upkeeps");
        });
    }

    [Fact]
    public async Task A_citizen_counted_since_its_latest_mark_is_not_counted_again_and_one_marked_after_is()
    {
        await WithTheUpkeepStoppedAsync(async () =>
        {
            var random = new Random(5);
            var today = new LocalDate(2023, 9, 1);
            outcome.On(today);
            await AddPlanAsync();
            var citizens = Enumerable.Range(0, 6).Select(_ => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())).ToList();
            foreach (var citizen in citizens) await HandOverAsync(citizen, today.PlusDays(-random.Next(150, 200)));
            // Three streams, each a batch marking every citizen with a new week.
            foreach (var week in new[] { 1, 2, 3 }) await ReportAsync(citizens.Select(c => (c, today.PlusWeeks(-week))), StatusSource.Provider, random);
            (await outcome.ReadAsync(db => db.KeptRecounts.CountAsync(r => r.PartnershipId == partnership))).ShouldBe(3);

            // The first recount takes the two oldest marks, and counts the citizens as they stand: with the third batch's week too.
            await using (var scope = outcome.Services.CreateAsyncScope())
            {
                (await scope.ServiceProvider.GetRequiredService<KeptReads>().RecountMarkedAsync(partnership, CancellationToken.None)).ShouldBeTrue();
            }
            var counted = await CountedVersionsAsync();
            counted.Count.ShouldBe(citizens.Count);

            // The next takes the third mark and leaves every count as it was.
            await using (var scope = outcome.Services.CreateAsyncScope())
            {
                (await scope.ServiceProvider.GetRequiredService<KeptReads>().RecountMarkedAsync(partnership, CancellationToken.None)).ShouldBeTrue();
            }
            (await MarkedAsync()).ShouldBeEmpty();
            (await CountedVersionsAsync()).ShouldBe(counted, "no count written again for a mark already counted");
            await ReportShouldBeComputedAsync(today, "the third mark taken without a count");
            await ShouldBeComputedAsync(today, "the third mark taken without a count");

            // A week reported after those counts is counted.
            await ReportAsync(citizens.Select(c => (c, today.PlusWeeks(-4))), StatusSource.Provider, random);
            await ReportShouldBeComputedAsync(today, "a mark made after the counts");
            await ShouldBeComputedAsync(today, "a mark made after the counts");
            (await CountedVersionsAsync()).ShouldAllBe(c => !counted.Contains(c), "every citizen counted again");
        });
    }

    /// <summary>Runs the test with the upkeep stopped, as a service killed before it ran would leave it: the marks are committed with the statuses.</summary>
    private async Task WithTheUpkeepStoppedAsync(Func<Task> test)
    {
        var upkeep = outcome.Services.GetRequiredService<KeptReadsUpkeep>();
        await upkeep.StopAsync(CancellationToken.None);
        try
        {
            await test();
        }
        finally
        {
            await upkeep.StartAsync(CancellationToken.None);
        }
    }

    /// <summary>The citizens of the partnership's marks waiting for a recount.</summary>
    private Task<List<string>> MarkedAsync() => outcome.ReadAsync(async db =>
        (await db.KeptRecounts.Where(r => r.PartnershipId == partnership).ToListAsync()).SelectMany(r => r.CitizenIds).Distinct().ToList());

    /// <summary>Each counted citizen's row version (the transaction that last wrote it).</summary>
    private Task<List<string>> CountedVersionsAsync() => outcome.ReadAsync(db => db.Database
        .SqlQuery<string>($"SELECT citizen_id || ':' || xmin::text AS \"Value\" FROM counted_citizens WHERE partnership_id = {partnership} ORDER BY citizen_id").ToListAsync());

    private static LocalDate Day(Google.Type.Date date) => new(date.Year, date.Month, date.Day);

    private static LocalDate Between(Random random, LocalDate first, LocalDate last) =>
        last < first ? first : first.PlusDays(random.Next(Period.DaysBetween(first, last) + 1));

    private async Task HandOverAsync(string citizen, LocalDate start)
    {
        await outcome.PublishAsync(new CitizenHandedOver
        {
            PartnershipId = partnership, CitizenId = new Pseudonym(citizen),
            HandoverDate = start.ToDateOnly(), FollowUpStart = start.ToDateOnly(), FollowUpEnd = start.PlusMonths(24).ToDateOnly(),
        });
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnership && c.CitizenId == citizen && c.FollowUpStart == start),
            "the handover");
    }

    /// <summary>A contact on the day; one dated outside the follow-up (after an exit, before a moved start) is refused and is no fact.</summary>
    private async Task ContactAsync(string citizen, LocalDate day)
    {
        try
        {
            await outcome.Client.RecordContactAsync(new RecordContactRequest
            {
                PartnershipId = partnership.ToString(), CitizenId = citizen, ContactReference = Guid.NewGuid().ToString("N"),
                ContactDate = day.ToProto(), Channel = Protos.Outcome.V1.ContactChannel.Phone,
            }, deadline: SuiteClients.Deadline());
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
        }
    }

    private async Task ExitAsync(string citizen, LocalDate exitDate, ExitReason reason)
    {
        await outcome.PublishAsync(new CitizenExited { PartnershipId = partnership, CitizenId = new Pseudonym(citizen), ExitDate = exitDate.ToDateOnly(), Reason = reason });
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnership && c.CitizenId == citizen && c.ExitDate == exitDate && c.ExitReason == reason),
            "the exit");
    }

    /// <summary>Weekly statuses of the weeks holding the days; rows the service refuses (outside the follow-up) are no facts.</summary>
    private async Task ReportAsync(IEnumerable<(string Citizen, LocalDate Day)> weeks, StatusSource source, Random random)
    {
        var rows = weeks.Select(w => new WeeklyStatusRow
        {
            CitizenId = w.Citizen, IsoWeekYear = WeekYearRules.Iso.GetWeekYear(w.Day), IsoWeek = WeekYearRules.Iso.GetWeekOfWeekYear(w.Day),
            Status = random.Next(2) == 0 ? WeeklyStatus.OrdinaryEmployment : WeeklyStatus.SicknessBenefit,
        }).ToList();
        if (rows.Count == 0) return;
        using var call = outcome.Client.ReportWeeklyStatuses(deadline: SuiteClients.Deadline());
        foreach (var row in rows)
        {
            await call.RequestStream.WriteAsync(new ReportWeeklyStatusesRequest
            {
                PartnershipId = partnership.ToString(), IdempotencyKey = Guid.NewGuid().ToString("N"), Source = source, Row = row,
            });
        }
        await call.RequestStream.CompleteAsync();
        await call;
    }
}
