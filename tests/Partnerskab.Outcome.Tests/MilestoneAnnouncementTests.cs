using NodaTime;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Outcome.Milestones;

namespace Partnerskab.Outcome.Tests;

/// <summary>The milestones a transaction reaches are announced together, in events of at most a thousand.</summary>
public sealed class MilestoneAnnouncementTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(1000, new[] { 1000 })]
    [InlineData(2500, new[] { 1000, 1000, 500 })]
    public void Reached_milestones_go_out_in_events_of_at_most_a_thousand_each_milestone_once_in_the_order_reached(int count, int[] perEvent)
    {
        var partnershipId = Guid.NewGuid();
        var reached = Enumerable.Range(0, count).Select(n => new Milestone
        {
            Id = Guid.CreateVersion7(), PartnershipId = partnershipId, CitizenId = $"{n:x32}", Code = n % 2 == 0 ? "JOB_START" : "THIRTEEN_WEEKS",
            AchievedOn = new LocalDate(2023, 4, 3).PlusDays(n % 400),
        }).ToList();

        var events = MilestoneRecalculation.Announced(partnershipId, reached).ToList();

        events.Select(e => e.Milestones.Count).ShouldBe(perEvent);
        events.ShouldAllBe(e => e.PartnershipId == partnershipId);
        events.SelectMany(e => e.Milestones).ShouldBe(reached.Select(m => new AchievedMilestone
        {
            MilestoneId = m.Id, CitizenId = new Contracts.Pseudonym(m.CitizenId), MilestoneCode = m.Code,
            AchievedOn = new DateOnly(m.AchievedOn.Year, m.AchievedOn.Month, m.AchievedOn.Day),
        }));
    }
}
