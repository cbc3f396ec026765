using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// A handover announced one citizen to an event, as the cohort service did before it announced
/// batches: such an event written or queued before an upgrade opens the follow-up as a batch of one.
/// </summary>
public sealed class OpenFollowUpOnSingleHandover(
    OutcomeDbContext db, MilestoneRecalculation recalculation, KeptReads kept, IClock clock, ILogger<OpenFollowUpOnSingleHandover> logger)
    : FollowUpOpening<CitizenHandedOver>(db, recalculation, kept, clock, logger)
{
    /// <summary>The name these events' inbox rows were written under before the upgrade, so a redelivery of one is still recognised.</summary>
    protected override string InboxName => nameof(OpenFollowUpOnHandover);

    protected override CitizensHandedOver HandedOver(CitizenHandedOver message) => message.AsBatch();
}
