using NpgsqlTypes;
using Partnerskab.Cohort.Persistence;
using Partnerskab.ServiceDefaults.Persistence;
using Citizen = Partnerskab.Cohort.Handover.Citizen;

namespace Partnerskab.Cohort.Import;

/// <summary>
/// Writes newly handed-over citizens by binary COPY; the caller holds the partnership's lock. An
/// advisor, an exit and an erasure come later. A test holds <see cref="Columns"/> to the EF
/// model's columns of citizens.
/// </summary>
public static class CitizenCopy
{
    public static CopyColumns<Citizen> Columns { get; } = new("citizens", leftToDefaults: ["advisor_id", "exit_date", "exit_reason", "erased_on"],
        ("partnership_id", (w, c, ct) => w.WriteAsync(c.PartnershipId, NpgsqlDbType.Uuid, ct)),
        ("citizen_id", (w, c, ct) => w.WriteAsync(c.CitizenId, NpgsqlDbType.Varchar, ct)),
        ("handover_date", (w, c, ct) => w.WriteAsync(c.HandoverDate.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("follow_up_end", (w, c, ct) => w.WriteAsync(c.FollowUpEnd.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("benefit_type", (w, c, ct) => w.WriteAsync((int)c.BenefitType, NpgsqlDbType.Integer, ct)),
        ("weeks_sick_listed", (w, c, ct) => w.WriteAsync(c.WeeksSickListed, NpgsqlDbType.Integer, ct)),
        ("case_reference", (w, c, ct) => w.WriteAsync(c.CaseReference, NpgsqlDbType.Varchar, ct)),
        ("handed_over_at", (w, c, ct) => w.WriteAsync(c.HandedOverAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)));

    public static Task InsertAsync(CohortDbContext db, IReadOnlyCollection<Citizen> citizens, CancellationToken cancellationToken) =>
        Columns.InsertAsync(db, citizens, cancellationToken);
}
