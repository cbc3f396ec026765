using NpgsqlTypes;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Milestones;

/// <summary>Writes newly reached milestones by binary COPY; the caller holds the citizens' locks, in its transaction.</summary>
public static class MilestoneCopy
{
    public static Task InsertAsync(OutcomeDbContext db, IReadOnlyCollection<Milestone> milestones, CancellationToken cancellationToken) =>
        BinaryCopy.InsertAsync(db, "milestones",
            "id, partnership_id, citizen_id, code, achieved_on, basis_claim_ids, basis_week_starts, recorded_at", milestones,
            async (writer, milestone, ct) =>
            {
                await writer.WriteAsync(milestone.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(milestone.PartnershipId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(milestone.CitizenId, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(milestone.Code, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(milestone.AchievedOn.ToDateOnly(), NpgsqlDbType.Date, ct);
                await writer.WriteAsync(milestone.BasisClaimIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(milestone.BasisWeekStarts.Select(w => w.ToDateOnly()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Date, ct);
                await writer.WriteAsync(milestone.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct);
            }, cancellationToken);
}
