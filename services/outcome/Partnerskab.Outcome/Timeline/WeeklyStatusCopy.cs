using NpgsqlTypes;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Timeline;

/// <summary>
/// Writes new weekly status reports by binary COPY; the caller holds the citizens' locks. A test
/// holds <see cref="Columns"/> to the EF model's columns of weekly_status_reports.
/// </summary>
public static class WeeklyStatusCopy
{
    public static CopyColumns<WeeklyStatusReport> Columns { get; } = new("weekly_status_reports", leftToDefaults: [],
        ("partnership_id", (w, r, ct) => w.WriteAsync(r.PartnershipId, NpgsqlDbType.Uuid, ct)),
        ("citizen_id", (w, r, ct) => w.WriteAsync(r.CitizenId, NpgsqlDbType.Varchar, ct)),
        ("week_start", (w, r, ct) => w.WriteAsync(r.WeekStart.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("source", (w, r, ct) => w.WriteAsync((int)r.Source, NpgsqlDbType.Integer, ct)),
        ("status", (w, r, ct) => w.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct)),
        ("paid_hours_hundredths", (w, r, ct) => w.WriteAsync(r.PaidHoursHundredths, NpgsqlDbType.Integer, ct)),
        ("recorded_at", (w, r, ct) => w.WriteAsync(r.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)));

    public static Task InsertAsync(OutcomeDbContext db, IReadOnlyCollection<WeeklyStatusReport> reports, CancellationToken cancellationToken) =>
        Columns.InsertAsync(db, reports, cancellationToken);
}
