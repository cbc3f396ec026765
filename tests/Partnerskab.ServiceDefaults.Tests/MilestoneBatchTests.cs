using System.Text;
using System.Text.Json;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Outcome;

namespace Partnerskab.ServiceDefaults.Tests;

/// <summary>Milestones announced in batches: the event's size and the single event of before as a batch.</summary>
public sealed class MilestoneBatchTests
{
    [Fact]
    public void A_batch_of_the_most_milestones_an_event_carries_stays_far_below_the_brokers_message_limit()
    {
        var batch = new MilestonesAchieved
        {
            PartnershipId = Guid.NewGuid(),
            Milestones = [.. Enumerable.Range(0, MilestonesAchieved.MaxMilestones).Select(n => new AchievedMilestone
            {
                MilestoneId = Guid.CreateVersion7(), CitizenId = new Pseudonym($"{n:x32}"),
                MilestoneCode = "SELF_SUFFICIENT_13_WEEKS_IN_A_ROW", AchievedOn = new DateOnly(2024, 2, 29),
            })],
        };

        var body = JsonSerializer.Serialize(batch, JsonSerializerOptions.Web);

        Encoding.UTF8.GetByteCount(body).ShouldBeLessThan(200 * 1024, "RabbitMQ 4 refuses messages over 16 MiB by default");
        JsonSerializer.Deserialize<MilestonesAchieved>(body, JsonSerializerOptions.Web)!.Milestones.ShouldBe(batch.Milestones);
    }

    [Fact]
    public void A_single_milestone_event_is_a_batch_of_its_one_milestone()
    {
        var single = new MilestoneAchieved
        {
            MilestoneId = Guid.NewGuid(), PartnershipId = Guid.NewGuid(), CitizenId = new Pseudonym(new string('a', 32)),
            MilestoneCode = "JOB_START", AchievedOn = new DateOnly(2023, 4, 3),
        };

        var batch = single.AsBatch();

        batch.PartnershipId.ShouldBe(single.PartnershipId);
        var milestone = batch.Milestones.ShouldHaveSingleItem();
        (milestone.MilestoneId, milestone.CitizenId, milestone.MilestoneCode, milestone.AchievedOn)
            .ShouldBe((single.MilestoneId, single.CitizenId, single.MilestoneCode, single.AchievedOn));
    }
}
