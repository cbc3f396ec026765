using NodaTime;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>Citizens handed over together (an import batch, or one citizen) start their follow-up: one message, one inbox row, one transaction.</summary>
public sealed class OpenFollowUpOnHandover(
    OutcomeDbContext db, MilestoneRecalculation recalculation, KeptReads kept, IClock clock, ILogger<OpenFollowUpOnHandover> logger)
    : FollowUpOpening<CitizensHandedOver>(db, recalculation, kept, clock, logger)
{
    protected override CitizensHandedOver HandedOver(CitizensHandedOver message) => message;
}
