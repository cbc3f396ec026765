using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Contracts.Cohort;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.Testing.InProcess;

namespace Partnerskab.Outcome.Tests.InProcess;

/// <summary>The reads the service runs before it reports ready: each answers for a citizen in follow-up here, and nothing is written, the audit log included.</summary>
[Collection(ClockedOutcomeCollection.Name)]
public sealed class WarmUpTests(ClockedOutcomeHost outcome) : InProcessTests(outcome.ResetAsync)
{
    [Fact]
    public async Task The_warm_up_reads_answer_for_a_citizen_in_follow_up_and_write_nothing()
    {
        var (partnership, citizen, start) = (Guid.NewGuid(), new string('e', 32), new LocalDate(2023, 1, 2));
        outcome.On(start);
        await outcome.WriteAsync(db => db.FollowUpPlans.Add(new Checkpoints.FollowUpPlan
        {
            PartnershipId = partnership, ContactIntervalWeeks = 4, StatusCheckpointMonths = [3, 6], NoContactDays = 30,
        }));
        await outcome.PublishAsync(new CitizenHandedOver
        {
            PartnershipId = partnership, CitizenId = new Pseudonym(citizen),
            HandoverDate = start.ToDateOnly(), FollowUpStart = start.ToDateOnly(), FollowUpEnd = start.PlusMonths(24).ToDateOnly(),
        });
        await outcome.WaitUntilAsync(db => db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnership && c.CitizenId == citizen), "the handover");
        var before = await outcome.RowCountsAsync(withAuditLog: true);

        var reads = await outcome.Services.GetRequiredService<ServiceWarmUp>().RunReadsAsync(CancellationToken.None);

        reads.Unexpected.ShouldBeEmpty();
        reads.Refused.ShouldBeEmpty();
        reads.Count.ShouldBe(4);
        (await outcome.RowCountsAsync(withAuditLog: true)).ShouldBe(before);
    }
}
