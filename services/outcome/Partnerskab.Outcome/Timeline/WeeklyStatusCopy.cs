using NpgsqlTypes;
using Npgsql;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Timeline;

/// <summary>
/// Writes new weekly status reports, and the versions they replace, by binary COPY; the caller
/// holds the citizens' locks. A test holds <see cref="Columns"/> and <see cref="SupersededColumns"/>
/// to the EF model's columns of their tables.
/// </summary>
public static class WeeklyStatusCopy
{
    public static CopyColumns<WeeklyStatusReport> Columns { get; } = new("weekly_status_reports", leftToDefaults: [], ReportColumns<WeeklyStatusReport>());

    public static CopyColumns<SupersededStatusReport> SupersededColumns { get; } = new("superseded_status_reports", leftToDefaults: [],
        [.. ReportColumns<SupersededStatusReport>(), ("superseded_at", (w, r, ct) => w.WriteAsync(r.SupersededAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct))]);

    public static Task InsertAsync(OutcomeDbContext db, IReadOnlyCollection<WeeklyStatusReport> reports, CancellationToken cancellationToken) =>
        Columns.InsertAsync(db, reports, cancellationToken);

    public static Task InsertAsync(OutcomeDbContext db, IReadOnlyCollection<SupersededStatusReport> versions, CancellationToken cancellationToken) =>
        SupersededColumns.InsertAsync(db, versions, cancellationToken);

    private static (string Column, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> Write)[] ReportColumns<T>() where T : StatusReportRow =>
    [
        ("partnership_id", (w, r, ct) => w.WriteAsync(r.PartnershipId, NpgsqlDbType.Uuid, ct)),
        ("citizen_id", (w, r, ct) => w.WriteAsync(r.CitizenId, NpgsqlDbType.Varchar, ct)),
        ("week_start", (w, r, ct) => w.WriteAsync(r.WeekStart.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("source", (w, r, ct) => w.WriteAsync((int)r.Source, NpgsqlDbType.Integer, ct)),
        ("status", (w, r, ct) => w.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct)),
        ("paid_hours_hundredths", (w, r, ct) => w.WriteAsync(r.PaidHoursHundredths, NpgsqlDbType.Integer, ct)),
        ("recorded_at", (w, r, ct) => w.WriteAsync(r.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
    ];
}
