using NpgsqlTypes;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Milestones;

/// <summary>
/// Writes newly reached milestones by binary COPY; the caller holds the citizens' locks, in its
/// transaction. A revocation comes later. A test holds <see cref="Columns"/> to the EF model's columns of milestones.
/// </summary>
public static class MilestoneCopy
{
    public static CopyColumns<Milestone> Columns { get; } = new("milestones", leftToDefaults: ["revoked_on", "revoked_at", "revocation_reason", "effective_on", "cause_kind", "cause_reference", "cause_reported_by"],
        ("id", (w, m, ct) => w.WriteAsync(m.Id, NpgsqlDbType.Uuid, ct)),
        ("partnership_id", (w, m, ct) => w.WriteAsync(m.PartnershipId, NpgsqlDbType.Uuid, ct)),
        ("citizen_id", (w, m, ct) => w.WriteAsync(m.CitizenId, NpgsqlDbType.Varchar, ct)),
        ("code", (w, m, ct) => w.WriteAsync(m.Code, NpgsqlDbType.Varchar, ct)),
        ("achieved_on", (w, m, ct) => w.WriteAsync(m.AchievedOn.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("basis_claim_ids", (w, m, ct) => w.WriteAsync(m.BasisClaimIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct)),
        ("basis_week_starts", (w, m, ct) => w.WriteAsync(m.BasisWeekStarts.Select(week => week.ToDateOnly()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Date, ct)),
        ("recorded_at", (w, m, ct) => w.WriteAsync(m.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)));

    public static Task InsertAsync(OutcomeDbContext db, IReadOnlyCollection<Milestone> milestones, CancellationToken cancellationToken) =>
        Columns.InsertAsync(db, milestones, cancellationToken);
}
