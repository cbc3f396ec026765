using NpgsqlTypes;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.Timeline;

/// <summary>Writes new weekly status reports by binary COPY; the caller holds the citizens' locks.</summary>
public static class WeeklyStatusCopy
{
    public static Task InsertAsync(OutcomeDbContext db, IReadOnlyCollection<WeeklyStatusReport> reports, CancellationToken cancellationToken) =>
        BinaryCopy.InsertAsync(db, "weekly_status_reports",
            "partnership_id, citizen_id, week_start, source, status, paid_hours_hundredths, recorded_at", reports,
            async (writer, report, ct) =>
            {
                await writer.WriteAsync(report.PartnershipId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(report.CitizenId, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(report.WeekStart.ToDateOnly(), NpgsqlDbType.Date, ct);
                await writer.WriteAsync((int)report.Source, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync((int)report.Status, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(report.PaidHoursHundredths, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(report.RecordedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct);
            }, cancellationToken);
}
