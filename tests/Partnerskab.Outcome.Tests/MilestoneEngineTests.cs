using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.Milestones;
using static Partnerskab.Outcome.Milestones.MilestoneEngine;

namespace Partnerskab.Outcome.Tests;

public sealed class MilestoneEngineTests
{
    private static readonly LocalDate WindowStart = new(2024, 2, 29);
    private static readonly LocalDate WindowEnd = new(2026, 2, 28);

    private static readonly MilestoneDefinition[] Definitions =
    [
        new() { Code = "JOB_START", Description = "", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart },
        new() { Code = "EDUCATION", Description = "", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.EducationStart },
    ];

    [Fact]
    public void The_first_verified_outcome_of_the_kind_reaches_the_milestone_on_its_date()
    {
        var early = Outcome(OutcomeKind.JobStart, 2024, 6, 3);
        var later = Outcome(OutcomeKind.JobStart, 2024, 9, 2);

        var reached = NewlyReached(Definitions, [later, early, Outcome(OutcomeKind.FlexJobStart, 2024, 3, 1)], WindowStart, WindowEnd, new HashSet<string>());

        var milestone = reached.ShouldHaveSingleItem();
        milestone.Code.ShouldBe("JOB_START");
        milestone.AchievedOn.ShouldBe(new LocalDate(2024, 6, 3));
        milestone.BasisClaimIds.ShouldBe([early.ClaimId]);
    }

    [Fact]
    public void Outcomes_outside_the_window_reach_nothing()
    {
        NewlyReached(Definitions,
            [Outcome(OutcomeKind.JobStart, 2024, 2, 28), Outcome(OutcomeKind.EducationStart, 2026, 2, 28)],
            WindowStart, WindowEnd, new HashSet<string>()).ShouldBeEmpty();
        NewlyReached(Definitions, [Outcome(OutcomeKind.JobStart, 2026, 2, 27)], WindowStart, WindowEnd, new HashSet<string>())
            .ShouldHaveSingleItem().Code.ShouldBe("JOB_START");
    }

    [Fact]
    public void A_milestone_already_reached_is_not_reached_again()
    {
        NewlyReached(Definitions,
            [Outcome(OutcomeKind.JobStart, 2024, 6, 3), Outcome(OutcomeKind.EducationStart, 2024, 8, 1)],
            WindowStart, WindowEnd, new HashSet<string> { "JOB_START" })
            .Select(r => r.Code).ShouldBe(["EDUCATION"]);
    }

    [Property]
    public bool The_order_and_repetition_of_the_facts_do_not_matter(int[] dayOffsets, int seed)
    {
        var outcomes = dayOffsets
            .Select((offset, i) => new VerifiedOutcome(
                new Guid(i + 1, 0, 0, new byte[8]),
                i % 3 == 0 ? OutcomeKind.EducationStart : OutcomeKind.JobStart,
                WindowStart.PlusDays(Math.Abs(offset % 1000) - 100)))
            .ToList();
        var shuffled = outcomes.Concat(outcomes).OrderBy(_ => new Random(seed).Next()).ToList();

        var once = NewlyReached(Definitions, outcomes, WindowStart, WindowEnd, new HashSet<string>());
        var again = NewlyReached(Definitions, shuffled, WindowStart, WindowEnd, new HashSet<string>());
        return once.Select(Describe).SequenceEqual(again.Select(Describe));
    }

    private static string Describe(Reached r) => $"{r.Code} {r.AchievedOn} {string.Join(",", r.BasisClaimIds)}";

    private static VerifiedOutcome Outcome(OutcomeKind kind, int year, int month, int day) =>
        new(Guid.NewGuid(), kind, new LocalDate(year, month, day));
}
