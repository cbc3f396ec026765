using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Reports;

/// <summary>
/// The committee's aggregate report on a day, from the facts dated on or before it: counts
/// only, never a citizen. Pure: the same facts and day give the same report.
/// </summary>
public static class CommitteeReport
{
    public static readonly int[] SelfSufficiencyMonths = [3, 6, 12, 24];

    public sealed record Citizen(string CitizenId, FollowUpWindow Window, DecidedWeeks Weeks);

    public sealed record VerifiedOutcome(string CitizenId, OutcomeKind Kind, LocalDate Date, string EmployerCvr);

    public sealed record StandingMilestone(string CitizenId, string Code, LocalDate AchievedOn);

    /// <param name="Counts">The counts of citizens on the day, from the citizens (<see cref="CountCitizens"/>) or as kept (<see cref="CommitteeCounts"/>).</param>
    /// <param name="Outcomes">The verified outcomes of the citizens counted, dated on or before the day.</param>
    /// <param name="Milestones">The standing milestones of the citizens counted, reached on or before the day.</param>
    public sealed record Facts(
        Counts Counts,
        IReadOnlyList<VerifiedOutcome> Outcomes,
        IReadOnlyList<StandingMilestone> Milestones,
        IReadOnlyList<string> MilestoneCodes,
        IReadOnlyList<KpiTarget> Targets);

    /// <summary>A status count; a null status counts the citizens whose week no source reported.</summary>
    public sealed record StatusCount(WeeklyStatusKind? Status, int Citizens);

    public sealed record Month(YearMonth YearMonth, LocalDate CountedOn, int InFollowUp, int Completed, int Exited, IReadOnlyList<StatusCount> Counts, int SelfSufficient);

    public sealed record Kpi(KpiTarget Target, int Actual);

    public sealed record MilestoneCount(string Code, int Citizens);

    public sealed record AtMonth(int Months, int Reached, int SelfSufficient, int NotReported, int ExitedBefore)
    {
        /// <summary>Self-sufficient of those reached, in hundredths of a percent, rounded half away from zero.</summary>
        public int ShareBasisPoints => Reached == 0 ? 0 : (int)((2L * SelfSufficient * 10_000 + Reached) / (2L * Reached));
    }

    /// <summary>What the report counts of citizens on the day: handed over, per month, at M months, closed out by final status.</summary>
    public sealed record Counts(int HandedOver, IReadOnlyList<Month> Months, IReadOnlyList<AtMonth> SelfSufficiency, IReadOnlyList<StatusCount> FinalStatuses);

    public sealed record Report(int HandedOver, IReadOnlyList<Month> Months, IReadOnlyList<Kpi> Kpis, IReadOnlyList<MilestoneCount> Milestones,
        IReadOnlyList<AtMonth> SelfSufficiency, IReadOnlyList<StatusCount> FinalStatuses);

    public static Report Build(Facts facts, LocalDate asOf)
    {
        var outcomes = facts.Outcomes.Where(o => o.Date <= asOf).ToList();
        var milestones = facts.Milestones.Where(m => m.AchievedOn <= asOf).ToList();
        var kpis = facts.Targets.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t => new Kpi(t, t.Measure switch
        {
            KpiMeasure.CitizensWithOutcome => outcomes.Where(o => o.Kind == t.OutcomeKind).Select(o => o.CitizenId).Distinct().Count(),
            KpiMeasure.CitizensWithMilestone => milestones.Where(m => m.Code == t.MilestoneCode).Select(m => m.CitizenId).Distinct().Count(),
            KpiMeasure.Employers => outcomes.Where(o => o.Kind is OutcomeKind.JobStart or OutcomeKind.FlexJobStart && o.EmployerCvr.Length > 0)
                .Select(o => o.EmployerCvr).Distinct().Count(),
            _ => throw new InvalidOperationException($"Unknown KPI measure {t.Measure}."),
        })).ToList();
        var milestoneCounts = facts.MilestoneCodes.Concat(milestones.Select(m => m.Code)).Distinct().Order(StringComparer.Ordinal)
            .Select(code => new MilestoneCount(code, milestones.Where(m => m.Code == code).Select(m => m.CitizenId).Distinct().Count()))
            .ToList();
        var counts = facts.Counts;
        return new Report(counts.HandedOver, counts.Months, kpis, milestoneCounts, counts.SelfSufficiency, counts.FinalStatuses);
    }

    /// <summary>
    /// The facts on the day from every citizen's, for the report computed from the citizens (as
    /// known on a past day, or while the kept counts are being built): the counts, and the
    /// outcomes and milestones of the citizens handed over by the day.
    /// </summary>
    public static Facts FromCitizens(IReadOnlyList<Citizen> citizens, IEnumerable<VerifiedOutcome> outcomes, IEnumerable<StandingMilestone> milestones,
        IReadOnlyList<string> milestoneCodes, IReadOnlyList<KpiTarget> targets, LocalDate asOf)
    {
        var counted = CountedOn(citizens, asOf).Select(c => c.CitizenId).ToHashSet();
        return new Facts(CountCitizens(citizens, asOf), outcomes.Where(o => counted.Contains(o.CitizenId)).ToList(),
            milestones.Where(m => counted.Contains(m.CitizenId)).ToList(), milestoneCodes, targets);
    }

    private static IEnumerable<Citizen> CountedOn(IEnumerable<Citizen> citizens, LocalDate asOf) => citizens.Where(c => c.Window.Start <= asOf);

    /// <summary>The counts on the day computed from every citizen: for a report as known on a past day, and while the kept counts are being built.</summary>
    public static Counts CountCitizens(IReadOnlyList<Citizen> all, LocalDate asOf)
    {
        var citizens = CountedOn(all, asOf).ToList();
        WeeklyStatusKind? StatusOn(Citizen c, LocalDate day) => c.Weeks.StatusOn(day);

        var months = MonthsOf(citizens, asOf);

        var atMonths = SelfSufficiencyMonths.Select(m =>
        {
            int reached = 0, selfSufficient = 0, notReported = 0, exitedBefore = 0;
            foreach (var c in citizens)
            {
                if (c.Window.DayAtMonth(m) is not { } day || day > asOf) continue;
                if (day >= c.Window.ObligationsEnd)
                {
                    exitedBefore++;
                    continue;
                }
                reached++;
                var status = StatusOn(c, day);
                if (status is null) notReported++;
                else if (WeeklyTimeline.IsSelfSufficient(status.Value)) selfSufficient++;
            }
            return new AtMonth(m, reached, selfSufficient, notReported, exitedBefore);
        }).ToList();

        var finals = citizens.Where(c => c.Window.ObligationsEnd <= asOf)
            .Select(c => StatusOn(c, c.Window.ObligationsEnd.PlusDays(-1))).ToList();
        return new Counts(citizens.Count, months, atMonths, Tallied(finals));
    }

    private static YearMonth YearMonth(LocalDate day) => new(day.Year, day.Month);

    /// <summary>Every status in the API's order, so the months line up as a table's columns; the unreported first.</summary>
    public static readonly WeeklyStatusKind?[] StatusOrder = [null, .. Enum.GetValues<WeeklyStatusKind>().Select(s => (WeeklyStatusKind?)s)];

    private static readonly int[] PositionInOrder = Enumerable.Range(0, StatusOrder.Max(s => (int?)s ?? 0) + 1)
        .Select(n => Array.IndexOf(StatusOrder, n == 0 ? null : (WeeklyStatusKind?)n)).ToArray();

    private sealed class Tally
    {
        public int InFollowUp, Completed, Exited, SelfSufficient;
        public readonly int[] ByStatus = new int[StatusOrder.Length];

        public void Count(WeeklyStatusKind? status) => ByStatus[PositionInOrder[(int?)status ?? 0]]++;

        public List<StatusCount> Counts() => StatusOrder.Select((status, k) => new StatusCount(status, ByStatus[k])).ToList();
    }

    /// <summary>The months from the first handover's to as-of's; one pass over the citizens, as the largest partnerships hold tens of thousands.</summary>
    private static List<Month> MonthsOf(IReadOnlyList<Citizen> citizens, LocalDate asOf)
    {
        if (citizens.Count == 0) return [];
        var days = CommitteeCounts.CountedOn(citizens.Min(c => c.Window.Start), asOf)
            .Select(countedOn => (Month: YearMonth(countedOn), CountedOn: countedOn, WeekStart: WeeklyTimeline.WeekOf(countedOn))).ToList();
        var tallies = days.Select(_ => new Tally()).ToArray();
        foreach (var citizen in citizens)
        {
            var end = citizen.Window.ObligationsEnd;
            for (var i = 0; i < days.Count; i++)
            {
                var (_, countedOn, weekStart) = days[i];
                if (countedOn < citizen.Window.Start) continue;
                var tally = tallies[i];
                if (countedOn >= end)
                {
                    if (end == citizen.Window.End) tally.Completed++;
                    else tally.Exited++;
                    continue;
                }
                tally.InFollowUp++;
                var status = citizen.Weeks.StatusIn(weekStart);
                tally.Count(status);
                if (status is { } reported && WeeklyTimeline.IsSelfSufficient(reported)) tally.SelfSufficient++;
            }
        }
        return days.Select((d, i) => new Month(d.Month, d.CountedOn, tallies[i].InFollowUp, tallies[i].Completed, tallies[i].Exited,
            tallies[i].Counts(), tallies[i].SelfSufficient)).ToList();
    }

    private static List<StatusCount> Tallied(IEnumerable<WeeklyStatusKind?> statuses)
    {
        var tally = new Tally();
        foreach (var status in statuses) tally.Count(status);
        return tally.Counts();
    }
}
