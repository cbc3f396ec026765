using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Messaging.Outbox;

/// <summary>
/// Writes outbox rows by binary COPY, for paths that announce thousands of events in one
/// transaction (a cohort import batch). The rows commit with the transaction, and the commit
/// wakes the relay as a save would.
/// </summary>
public static class OutboxCopy
{
    public static Task InsertAsync(DbContext db, IReadOnlyCollection<OutboxMessage> rows, CancellationToken cancellationToken) =>
        BinaryCopy.InsertAsync(db, "outbox_messages", "message_id, message_type, body, trace_parent, created_at, next_attempt_at, attempts", rows,
            async (writer, row, ct) =>
            {
                await writer.WriteAsync(row.MessageId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(row.MessageType, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(row.Body, NpgsqlDbType.Jsonb, ct);
                await writer.WriteNullableAsync(row.TraceParent, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(row.CreatedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(row.NextAttemptAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(row.Attempts, NpgsqlDbType.Integer, ct);
            }, cancellationToken);
}
