using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.Milestones;

/// <summary>
/// Decides which milestones a citizen has reached from the partnership's definitions and the
/// citizen's facts: verified outcomes and decided weekly statuses. Pure: the same facts give the
/// same answer in any order, and a fact given twice counts once.
/// </summary>
/// <remarks>
/// Only facts inside the follow-up window [start, end) count; the caller ends the window at an
/// exit. A week with any of its days in the window belongs to it, as at ingestion, so the
/// first and last weeks count in full; a milestone completed by a week that runs past the
/// window's end is reached on the window's last day, so every milestone is dated inside it.
/// The status at month M is the ISO week of <see cref="FollowUpWindow.DayAtMonth"/>, as at the
/// checkpoints and in the committee's report.
/// </remarks>
public static class MilestoneEngine
{
    public sealed record VerifiedOutcome(Guid ClaimId, OutcomeKind Kind, LocalDate Date);

    /// <param name="Window">The citizen's follow-up, with the exit when the citizen left before its end.</param>
    public sealed record Facts(FollowUpWindow Window, IReadOnlyCollection<VerifiedOutcome> Outcomes, DecidedWeeks Weeks);

    public sealed record Reached(string Code, LocalDate AchievedOn, IReadOnlyList<Guid> BasisClaimIds, IReadOnlyList<LocalDate> BasisWeekStarts);

    /// <summary>Every milestone the facts reach, each at most once, in code order.</summary>
    public static IReadOnlyList<Reached> Reach(IEnumerable<MilestoneDefinition> definitions, Facts facts)
    {
        var outcomes = facts.Outcomes.Distinct()
            .Where(o => facts.Window.Contains(o.Date))
            .OrderBy(o => o.Date).ThenBy(o => o.ClaimId)
            .ToList();
        var weeks = facts.Weeks.Reported()
            .Where(w => facts.Window.HasWeek(w.WeekStart))
            .ToList();
        var reached = new List<Reached>();
        foreach (var definition in definitions.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var result = definition.RuleKind switch
            {
                MilestoneRuleKind.FirstVerifiedOutcome => FirstVerifiedOutcome(definition, outcomes),
                MilestoneRuleKind.ConsecutiveSelfSufficientWeeks => ConsecutiveWeeks(definition, weeks, facts.Window.ObligationsEnd),
                MilestoneRuleKind.CumulativeSelfSufficientWeeks => CumulativeWeeks(definition, weeks, facts.Window.ObligationsEnd),
                MilestoneRuleKind.SelfSufficientAtMonth => AtMonth(definition, facts),
                _ => throw new InvalidOperationException($"Unknown milestone rule {definition.RuleKind}."),
            };
            if (result is not null) reached.Add(result);
        }
        return reached;
    }

    private static Reached? FirstVerifiedOutcome(MilestoneDefinition definition, IEnumerable<VerifiedOutcome> outcomes)
    {
        var first = outcomes.FirstOrDefault(o => o.Kind == definition.OutcomeKind);
        return first is null ? null : new Reached(definition.Code, first.Date, [first.ClaimId], []);
    }

    private static Reached? ConsecutiveWeeks(MilestoneDefinition definition, IEnumerable<DecidedWeek> weeks, LocalDate windowEnd)
    {
        var run = new List<LocalDate>();
        foreach (var week in weeks)
        {
            var continues = run.Count > 0 && run[^1].PlusWeeks(1) == week.WeekStart;
            if (!week.SelfSufficient)
            {
                run.Clear();
                continue;
            }
            if (!continues) run.Clear();
            run.Add(week.WeekStart);
            if (run.Count == definition.Weeks) return WeeksReached(definition, run, windowEnd);
        }
        return null;
    }

    private static Reached? CumulativeWeeks(MilestoneDefinition definition, IEnumerable<DecidedWeek> weeks, LocalDate windowEnd)
    {
        var counted = weeks.Where(w => w.SelfSufficient).Take(definition.Weeks ?? 0).Select(w => w.WeekStart).ToList();
        return counted.Count > 0 && counted.Count == definition.Weeks ? WeeksReached(definition, counted, windowEnd) : null;
    }

    private static Reached? AtMonth(MilestoneDefinition definition, Facts facts)
    {
        if (facts.Window.DayAtMonth(definition.Months ?? 0) is not { } day || day >= facts.Window.ObligationsEnd) return null;
        var weekStart = WeeklyTimeline.WeekOf(day);
        return facts.Weeks.In(weekStart) is { SelfSufficient: true } ? WeeksReached(definition, [weekStart], facts.Window.ObligationsEnd) : null;
    }

    private static Reached WeeksReached(MilestoneDefinition definition, List<LocalDate> weekStarts, LocalDate windowEnd)
    {
        var weekEnd = weekStarts[^1].PlusDays(6);
        var lastDay = windowEnd.PlusDays(-1);
        return new Reached(definition.Code, weekEnd < lastDay ? weekEnd : lastDay, [], weekStarts.ToList());
    }
}
