using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Reports;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Tests;

/// <summary>
/// The committee report's kept counts against the counts computed from every citizen: random
/// citizens (seeded), each counted as it first stood, then taken away and counted again as it
/// stands after later facts, in a shuffled order; the sums of the kept cells on any day give the
/// computed report's counts.
/// </summary>
public sealed class CommitteeCountsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Counts_summed_from_the_kept_cells_are_the_counts_computed_from_the_citizens(int seed)
    {
        var random = new Random(seed);
        var first = Enumerable.Range(0, 60).Select(n => RandomCitizen(random, n)).ToList();
        var now = first.Select(c => random.Next(3) == 0 ? RandomCitizen(random, int.Parse(c.Citizen.CitizenId)) : c).ToList();
        var cells = new Cells();
        foreach (var c in first) cells.Add(CommitteeCounts.Of(c.Citizen.Window, c.Citizen.Weeks, c.WronglyEnrolled), +1);
        foreach (var (before, after) in first.Zip(now).OrderBy(_ => random.Next()))
        {
            cells.Add(CommitteeCounts.Of(before.Citizen.Window, before.Citizen.Weeks, before.WronglyEnrolled), -1);
            cells.Add(CommitteeCounts.Of(after.Citizen.Window, after.Citizen.Weeks, after.WronglyEnrolled), +1);
        }
        var counted = now.Where(c => !c.WronglyEnrolled).Select(c => c.Citizen).ToList();

        for (var asOf = new LocalDate(2022, 12, 20); asOf < new LocalDate(2026, 3, 1); asOf = asOf.PlusDays(random.Next(1, 40)))
        {
            var expected = CommitteeReport.CountCitizens(counted, asOf);
            var actual = CommitteeCounts.Counts(cells.SumsOn(asOf));
            actual.HandedOver.ShouldBe(expected.HandedOver, $"seed {seed}, {asOf}");
            actual.Months.Select(Row).ShouldBe(expected.Months.Select(Row), $"seed {seed}, {asOf}");
            actual.SelfSufficiency.ShouldBe(expected.SelfSufficiency, $"seed {seed}, {asOf}");
            actual.FinalStatuses.ShouldBe(expected.FinalStatuses, $"seed {seed}, {asOf}");
        }
    }

    [Fact]
    public void A_citizen_in_follow_up_counts_in_its_weeks_status_only_on_its_days_in_follow_up()
    {
        var start = new LocalDate(2023, 4, 5); // a Wednesday
        var weeks = DecidedWeeks.Of(start, [new WeeklyTimeline.Week(new LocalDate(2023, 4, 3), WeeklyStatusKind.OrdinaryEmployment, StatusSource.Provider, null, null, 0)]);

        var part = CommitteeCounts.Of(new FollowUpWindow(start, start.PlusMonths(24), new LocalDate(2023, 4, 7)), weeks, wronglyEnrolled: false);

        part.Weeks.ShouldBe([new CommitteeCounts.WeekCell(new LocalDate(2023, 4, 3), (short)WeeklyStatusKind.OrdinaryEmployment, start, new LocalDate(2023, 4, 7))]);
        part.Days.ShouldBe([new CommitteeCounts.DayCell(start, 1, 0, 0), new CommitteeCounts.DayCell(new LocalDate(2023, 4, 7), 0, 0, 1)]);
        CommitteeCounts.Of(new FollowUpWindow(start, start.PlusMonths(24)), weeks, wronglyEnrolled: true).ShouldBe(CommitteeCounts.Part.None);
    }

    private static string Row(CommitteeReport.Month m) =>
        $"{m.YearMonth} {m.CountedOn} {m.InFollowUp} {m.Completed} {m.Exited} {m.SelfSufficient} " + string.Join(",", m.Counts.Select(c => $"{c.Status}:{c.Citizens}"));

    private sealed record Generated(CommitteeReport.Citizen Citizen, bool WronglyEnrolled);

    private static Generated RandomCitizen(Random random, int n)
    {
        var start = new LocalDate(2023, 1, 2).PlusDays(random.Next(0, 500));
        var end = start.PlusMonths(random.Next(2) == 0 ? 24 : 6);
        LocalDate? exit = random.Next(4) == 0 ? start.PlusDays(random.Next(-3, 800)) : null;
        var weeks = Enumerable.Range(0, 110).Where(_ => random.Next(3) > 0)
            .Select(k => new WeeklyTimeline.Week(WeeklyTimeline.WeekOf(start).PlusWeeks(k),
                random.Next(2) == 0 ? WeeklyStatusKind.OrdinaryEmployment : WeeklyStatusKind.SicknessBenefit, StatusSource.Provider, null, null, 0))
            .ToList();
        return new Generated(new CommitteeReport.Citizen(n.ToString("D6"), new FollowUpWindow(start, end, exit), DecidedWeeks.Of(start, weeks)), random.Next(10) == 0);
    }

    /// <summary>The kept cells in memory, as the store keeps them in the database, and their sums on a day as the kept read takes them.</summary>
    private sealed class Cells
    {
        private readonly List<(CommitteeCounts.Part Part, int By)> parts = [];

        public void Add(CommitteeCounts.Part part, int by) => parts.Add((part, by));

        public CommitteeCounts.Sums SumsOn(LocalDate asOf)
        {
            var days = parts.SelectMany(p => p.Part.Days.Select(d => (d, p.By))).Where(x => x.d.Day <= asOf).ToList();
            var started = days.GroupBy(x => x.d.Day).Where(g => g.Sum(x => x.d.Started * x.By) > 0).Select(g => g.Key).ToList();
            var months = started.Count == 0 ? [] : CommitteeCounts.CountedOn(started.Min(), asOf).Select(day =>
            {
                var upTo = days.Where(x => x.d.Day <= day).ToList();
                var byStatus = parts.SelectMany(p => p.Part.Weeks.Select(w => (w, p.By)))
                    .Where(x => x.w.WeekStart == WeeklyTimeline.WeekOf(day) && x.w.From <= day && day < x.w.Until)
                    .GroupBy(x => x.w.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.By));
                return new CommitteeCounts.MonthSums(day, upTo.Sum(x => x.d.Started * x.By), upTo.Sum(x => x.d.Completed * x.By), upTo.Sum(x => x.d.Exited * x.By), byStatus);
            }).ToList();
            var atMonths = parts.SelectMany(p => p.Part.AtMonths.Select(m => (m, p.By))).Where(x => x.m.Day <= asOf)
                .GroupBy(x => (x.m.Months, x.m.Status)).ToDictionary(g => g.Key, g => g.Sum(x => x.By));
            var finals = parts.SelectMany(p => p.Part.Finals.Select(f => (f, p.By))).Where(x => x.f.Day <= asOf)
                .GroupBy(x => x.f.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.By));
            return new CommitteeCounts.Sums(days.Sum(x => x.d.Started * x.By), months, atMonths, finals);
        }
    }
}
