using NpgsqlTypes;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// Writes citizens new to this service by binary COPY: a handover batch's thousand new rows go as
/// one stream instead of one INSERT and a dozen parameters each in one command. The caller holds
/// the citizens' locks, in its transaction. A test holds <see cref="Columns"/> to the EF model's
/// columns of follow_up_citizens.
/// </summary>
public static class FollowUpCitizenCopy
{
    public static CopyColumns<FollowUpCitizen> Columns { get; } = new("follow_up_citizens", leftToDefaults: [],
        ("partnership_id", (w, c, ct) => w.WriteAsync(c.PartnershipId, NpgsqlDbType.Uuid, ct)),
        ("citizen_id", (w, c, ct) => w.WriteAsync(c.CitizenId, NpgsqlDbType.Varchar, ct)),
        ("follow_up_start", (w, c, ct) => w.WriteAsync(c.FollowUpStart.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("follow_up_end", (w, c, ct) => w.WriteAsync(c.FollowUpEnd.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("exit_date", (w, c, ct) => w.WriteNullableAsync(c.ExitDate?.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("exit_reason", (w, c, ct) => w.WriteNullableAsync(c.ExitReason?.ToString(), NpgsqlDbType.Varchar, ct)),
        ("recorded_at", (w, c, ct) => w.WriteNullableAsync(c.RecordedAt?.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("window_recorded_at", (w, c, ct) => w.WriteNullableAsync(c.WindowRecordedAt?.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("exit_recorded_at", (w, c, ct) => w.WriteNullableAsync(c.ExitRecordedAt?.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("erased_on", (w, c, ct) => w.WriteNullableAsync(c.ErasedOn?.ToDateOnly(), NpgsqlDbType.Date, ct)),
        ("decided_week_statuses", (w, c, ct) => w.WriteAsync(c.DecidedWeekStatuses, NpgsqlDbType.Bytea, ct)));

    public static Task InsertAsync(OutcomeDbContext db, IReadOnlyCollection<FollowUpCitizen> citizens, CancellationToken cancellationToken) =>
        Columns.InsertAsync(db, citizens, cancellationToken);
}
