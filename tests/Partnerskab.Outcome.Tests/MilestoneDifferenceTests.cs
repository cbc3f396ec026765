using NodaTime;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Milestones.MilestoneEngine;

namespace Partnerskab.Outcome.Tests;

/// <summary>What a recalculation keeps, revokes and reaches, over hand-checked ISO weeks of 2023.</summary>
public sealed class MilestoneDifferenceTests
{
    private const string ThirteenWeeks = "THIRTEEN_WEEKS";
    private static readonly LocalDate Start = new(2023, 4, 3);

    private static readonly MilestoneDefinition[] Definitions =
    [
        new() { Code = ThirteenWeeks, Description = "", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 13 },
    ];

    [Fact]
    public void A_milestone_the_facts_reach_on_its_day_is_kept_with_its_basis_brought_up_to_date()
    {
        var reached = ReachedBy(Provider(WeeklyStatusKind.OrdinaryEmployment, 14, 26)).Single();
        var standing = Standing(reached);

        var difference = MilestoneDifference.Between([standing], [reached with { BasisWeekStarts = [.. reached.BasisWeekStarts.Reverse()] }]);

        difference.Kept.ShouldHaveSingleItem().Milestone.ShouldBeSameAs(standing);
        (difference.Revoked.Count, difference.Reached.Count).ShouldBe((0, 0));
    }

    [Fact]
    public void A_register_week_inside_the_streak_moves_the_day_later_so_the_milestone_is_revoked_and_reached_anew_in_week_33()
    {
        // 2023-W14 starts Monday 2023-04-03: the 13 weeks W14-W26 end on Sunday 2023-07-02;
        // with W20 on sickness benefit, W21-W33 end on Sunday 2023-08-20.
        var provider = Provider(WeeklyStatusKind.OrdinaryEmployment, 14, 33);
        var first = ReachedBy(provider).Single();
        first.AchievedOn.ShouldBe(new LocalDate(2023, 7, 2));
        var standing = Standing(first);

        var now = ReachedBy([.. provider, Week(20, StatusSource.Register, WeeklyStatusKind.SicknessBenefit)]);
        var difference = MilestoneDifference.Between([standing], now);

        var revoked = difference.Revoked.ShouldHaveSingleItem();
        revoked.Milestone.ShouldBeSameAs(standing);
        revoked.MovedTo.ShouldNotBeNull().AchievedOn.ShouldBe(new LocalDate(2023, 8, 20));
        difference.Reached.ShouldHaveSingleItem().ShouldBe(revoked.MovedTo);
        difference.Kept.ShouldBeEmpty();
    }

    [Fact]
    public void A_day_moved_earlier_is_revoked_and_reached_anew_on_the_earlier_day_too()
    {
        var late = ReachedBy(Provider(WeeklyStatusKind.OrdinaryEmployment, 21, 33)).Single();
        var early = ReachedBy(Provider(WeeklyStatusKind.OrdinaryEmployment, 14, 33)).Single();

        var difference = MilestoneDifference.Between([Standing(late)], [early]);

        difference.Revoked.ShouldHaveSingleItem().MovedTo.ShouldBe(early);
        difference.Reached.ShouldBe([early]);
    }

    [Fact]
    public void A_milestone_the_facts_no_longer_reach_is_revoked_with_nothing_to_move_to()
    {
        var standing = Standing(ReachedBy(Provider(WeeklyStatusKind.OrdinaryEmployment, 14, 26)).Single());

        var difference = MilestoneDifference.Between([standing], []);

        difference.Revoked.ShouldHaveSingleItem().MovedTo.ShouldBeNull();
        (difference.Kept.Count, difference.Reached.Count).ShouldBe((0, 0));
    }

    private static IReadOnlyList<Reached> ReachedBy(IEnumerable<WeeklyTimeline.Report> reports) =>
        Reach(Definitions, new Facts(new FollowUpWindow(Start, Start.PlusMonths(24)), [], DecidedWeeks.Of(Start, WeeklyTimeline.Build(reports))));

    private static Milestone Standing(Reached reached) => new()
    {
        Id = Guid.NewGuid(), CitizenId = "c", Code = reached.Code, AchievedOn = reached.AchievedOn, BasisWeekStarts = [.. reached.BasisWeekStarts],
    };

    private static WeeklyTimeline.Report Week(int isoWeek, StatusSource source, WeeklyStatusKind status) =>
        new(WeeklyTimeline.WeekStart(2023, isoWeek)!.Value, source, status, 0);

    private static List<WeeklyTimeline.Report> Provider(WeeklyStatusKind status, int firstIsoWeek, int lastIsoWeek) =>
        Enumerable.Range(firstIsoWeek, lastIsoWeek - firstIsoWeek + 1).Select(w => Week(w, StatusSource.Provider, status)).ToList();
}
