using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Messaging.Outbox;

/// <summary>
/// Writes outbox rows by binary COPY, for paths that announce thousands of events in one
/// transaction (a recalculation of many citizens' milestones). The rows commit with the
/// transaction, and the commit wakes the relay as a save would. The database numbers the rows (sequence); the relay marks
/// them sent. A test holds <see cref="Columns"/> to the EF model's columns of outbox_messages.
/// </summary>
public static class OutboxCopy
{
    public static CopyColumns<OutboxMessage> Columns { get; } = new("outbox_messages", leftToDefaults: ["sequence", "last_error", "sent_at"],
        ("message_id", (w, m, ct) => w.WriteAsync(m.MessageId, NpgsqlDbType.Uuid, ct)),
        ("message_type", (w, m, ct) => w.WriteAsync(m.MessageType, NpgsqlDbType.Varchar, ct)),
        ("body", (w, m, ct) => w.WriteAsync(m.Body, NpgsqlDbType.Jsonb, ct)),
        ("trace_parent", (w, m, ct) => w.WriteNullableAsync(m.TraceParent, NpgsqlDbType.Varchar, ct)),
        ("recorded_at", (w, m, ct) => w.WriteNullableAsync(m.RecordedAt?.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("created_at", (w, m, ct) => w.WriteAsync(m.CreatedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("next_attempt_at", (w, m, ct) => w.WriteAsync(m.NextAttemptAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct)),
        ("attempts", (w, m, ct) => w.WriteAsync(m.Attempts, NpgsqlDbType.Integer, ct)));

    public static Task InsertAsync(DbContext db, IReadOnlyCollection<OutboxMessage> rows, CancellationToken cancellationToken) =>
        Columns.InsertAsync(db, rows, cancellationToken);
}
