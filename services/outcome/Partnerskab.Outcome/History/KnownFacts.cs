using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;

namespace Partnerskab.Outcome.History;

/// <summary>
/// A partnership's facts as the suite knew them on a day (<see cref="KnownOn"/>), read from the
/// versions kept beside the current ones: the weekly status reports current then (replaced ones
/// are in superseded_status_reports), each claim after its last step by then (its history), the
/// handovers (in the follow-up window current then), exits and milestones recorded by then. The reads of "now" do not come here.
/// </summary>
public static class KnownFacts
{
    /// <summary>The citizens known on the day, with their decided weeks rebuilt from the reports current then.</summary>
    public static async Task<List<FollowUpCitizen>> CitizensAsync(OutcomeDbContext db, Guid partnershipId, KnownOn knownOn, CancellationToken cancellationToken)
    {
        var end = knownOn.End;
        var citizens = await db.FollowUpCitizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && (c.RecordedAt == null || c.RecordedAt < end))
            .ToListAsync(cancellationToken);
        var current = await db.WeeklyStatusReports.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.RecordedAt < end)
            .Select(r => new { r.CitizenId, Report = r.ToReport() })
            .ToListAsync(cancellationToken);
        var replacedLater = await db.SupersededStatusReports.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.RecordedAt < end && r.SupersededAt >= end)
            .Select(r => new { r.CitizenId, Report = r.ToReport() })
            .ToListAsync(cancellationToken);
        var reports = current.Concat(replacedLater).ToLookup(r => r.CitizenId, r => r.Report);
        var windowsReplacedLater = (await db.SupersededFollowUpWindows.AsNoTracking()
            .Where(w => w.PartnershipId == partnershipId && w.SupersededAt >= end)
            .ToListAsync(cancellationToken)).ToLookup(w => w.CitizenId);
        return citizens
            .Select(c => (Citizen: c, Window: SupersededFollowUpWindow.CurrentAt(end, c, windowsReplacedLater[c.CitizenId])))
            .Select(c => knownOn.Citizen(c.Citizen, c.Window, DecidedWeeks.Encode(c.Window.Start, WeeklyTimeline.Build(reports[c.Citizen.CitizenId]))))
            .OfType<FollowUpCitizen>()
            .ToList();
    }

    /// <summary>The partnership's claims verified as known on the day, with their content as it stood then.</summary>
    public static async Task<List<(OutcomeClaim Claim, ClaimContent Content)>> VerifiedClaimsAsync(OutcomeDbContext db, Guid partnershipId, KnownOn knownOn,
        CancellationToken cancellationToken)
    {
        var end = knownOn.End;
        var claims = await db.Claims.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.ClaimedAt < end)
            .ToListAsync(cancellationToken);
        var history = (await db.ClaimHistory.AsNoTracking()
            .Where(h => db.Claims.Any(c => c.Id == h.ClaimId && c.PartnershipId == partnershipId) && h.At < end)
            .ToListAsync(cancellationToken)).ToLookup(h => h.ClaimId);
        return claims
            .Select(c => (Claim: c, Known: knownOn.Claim(history[c.Id])))
            .Where(c => c.Known is { Status: ClaimStatus.Verified })
            .Select(c => (c.Claim, c.Known!.Value.Content))
            .ToList();
    }

    /// <summary>The partnership's milestones (or one citizen's) recorded by the end of the day, each revoked only if that was recorded by then too.</summary>
    public static async Task<List<Milestone>> MilestonesAsync(OutcomeDbContext db, Guid partnershipId, string? citizenId, KnownOn knownOn,
        CancellationToken cancellationToken)
    {
        var end = knownOn.End;
        var query = db.Milestones.AsNoTracking().Where(m => m.PartnershipId == partnershipId && m.RecordedAt < end);
        if (citizenId is not null) query = query.Where(m => m.CitizenId == citizenId);
        return (await query.ToListAsync(cancellationToken)).Select(knownOn.Milestone).OfType<Milestone>().ToList();
    }
}
