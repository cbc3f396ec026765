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

    public sealed record Facts(
        IReadOnlyList<Citizen> Citizens,
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

    public sealed record Report(int HandedOver, IReadOnlyList<Month> Months, IReadOnlyList<Kpi> Kpis, IReadOnlyList<MilestoneCount> Milestones,
        IReadOnlyList<AtMonth> SelfSufficiency, IReadOnlyList<StatusCount> FinalStatuses);

    public static Report Build(Facts facts, LocalDate asOf)
    {
        var citizens = facts.Citizens.Where(c => c.Window.Start <= asOf).ToList();
        var known = citizens.Select(c => c.CitizenId).ToHashSet();
        WeeklyStatusKind? StatusOn(Citizen c, LocalDate day) => c.Weeks.StatusOn(day);

        var months = MonthsOf(citizens, asOf);

        var outcomes = facts.Outcomes.Where(o => o.Date <= asOf && known.Contains(o.CitizenId)).ToList();
        var milestones = facts.Milestones.Where(m => m.AchievedOn <= asOf && known.Contains(m.CitizenId)).ToList();
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
        return new Report(citizens.Count, months, kpis, milestoneCounts, atMonths, Counts(finals));
    }

    private static YearMonth YearMonth(LocalDate day) => new(day.Year, day.Month);

    /// <summary>Every status in the API's order, so the months line up as a table's columns; the unreported first.</summary>
    private static readonly WeeklyStatusKind?[] StatusOrder = [null, .. Enum.GetValues<WeeklyStatusKind>().Select(s => (WeeklyStatusKind?)s)];

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
        var days = new List<(YearMonth Month, LocalDate CountedOn, LocalDate WeekStart)>();
        for (var month = YearMonth(citizens.Min(c => c.Window.Start)); month <= YearMonth(asOf); month = month.PlusMonths(1))
        {
            var lastDay = month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month));
            var countedOn = lastDay < asOf ? lastDay : asOf;
            days.Add((month, countedOn, WeeklyTimeline.WeekOf(countedOn)));
        }
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

    private static List<StatusCount> Counts(IEnumerable<WeeklyStatusKind?> statuses)
    {
        var tally = new Tally();
        foreach (var status in statuses) tally.Count(status);
        return tally.Counts();
    }
}
