using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.FollowUp;

namespace Partnerskab.Outcome;

public sealed partial class OutcomeGrpcService
{
    /// <summary>
    /// Opens the citizen's follow-up here from the cohort service's answer when the handover
    /// event has not arrived yet, so the milestone engine and the worklist know the window; the
    /// event later finds the row and sets the same window. The caller holds the citizen's lock.
    /// </summary>
    private async Task OpenFollowUpIfUnknownAsync(Guid partnershipId, string citizenId, CohortLookup.FollowUpAnswer followUp, CancellationToken cancellationToken)
    {
        if (await db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken)) return;
        db.FollowUpCitizens.Add(followUp.ToFollowUpCitizen(partnershipId, citizenId));
    }
}
