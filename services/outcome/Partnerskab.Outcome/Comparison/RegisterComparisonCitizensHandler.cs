using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Contracts;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Persistence;
using Partnerskab.Outcome.Timeline;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Comparison;

/// <summary>
/// The kommune registers comparison citizens with the day they entered the target group. A
/// citizen handed over to the partnership is refused (nothing written); a citizen registered again
/// with another day gets a new version, with the same day nothing is written.
/// </summary>
public sealed class RegisterComparisonCitizensHandler(OutcomeDbContext db, CohortLookup cohort, MilestoneRecalculation recalculation, IClock clock)
{
    private const int MaxCitizens = 10_000;

    public async Task<RegisterComparisonCitizensResponse> HandleAsync(RegisterComparisonCitizensRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.Check(request.Citizens.Count is >= 1 and <= MaxCitizens, "citizens", $"must hold between 1 and {MaxCitizens} citizens");
        var starts = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        for (var i = 0; i < request.Citizens.Count; i++)
        {
            var citizen = request.Citizens[i];
            var field = $"citizens[{i}]";
            v.Check(Pseudonym.IsWellFormed(citizen.CitizenId), $"{field}.citizen_id", "must be a citizen pseudonym (32 lowercase hex characters)");
            var start = v.Date(citizen.TargetGroupStart, $"{field}.target_group_start");
            v.Check(starts.TryAdd(citizen.CitizenId, start), $"{field}.citizen_id", "is given twice in the request");
        }
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        // A partnership with citizens handed over exists; only one without asks the cohort service.
        if (!await db.FollowUpCitizens.AnyAsync(c => c.PartnershipId == partnershipId, cancellationToken))
        {
            await cohort.EnsurePartnershipExistsAsync(partnershipId, cancellationToken);
        }
        AuditCall.Citizens(partnershipId, starts.Keys);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The lock the handover consumer takes too: a handover and this check cannot cross.
        await recalculation.LockCitizensAsync(partnershipId, starts.Keys, cancellationToken);
        var handedOver = (await db.FollowUpCitizens.WithKeys("citizen_id", starts.Keys, partnershipId).AsNoTracking()
            .Select(c => c.CitizenId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < request.Citizens.Count; i++)
        {
            v.Check(!handedOver.Contains(request.Citizens[i].CitizenId), $"citizens[{i}].citizen_id", StatusRowFate.HandedOverToComparisonReason);
        }
        v.ThrowIfInvalid();

        var ids = starts.Keys.ToArray();
        var latest = await db.ComparisonRegistrations.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && ids.Contains(r.CitizenId))
            .GroupBy(r => r.CitizenId)
            .Select(g => g.OrderByDescending(r => r.Id).First())
            .ToDictionaryAsync(r => r.CitizenId, r => r.TargetGroupStart, StringComparer.Ordinal, cancellationToken);
        var response = new RegisterComparisonCitizensResponse();
        var now = clock.GetCurrentInstant();
        foreach (var (citizenId, start) in starts)
        {
            if (latest.TryGetValue(citizenId, out var before) && before == start)
            {
                response.Unchanged++;
                continue;
            }
            if (latest.ContainsKey(citizenId)) response.Corrected++;
            else response.Registered++;
            db.ComparisonRegistrations.Add(new ComparisonRegistration { PartnershipId = partnershipId, CitizenId = citizenId, TargetGroupStart = start, RecordedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }
}
