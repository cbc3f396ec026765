using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Partnerskab.Messaging.Outbox;

/// <summary>
/// The rows one relay pass takes, locked: the due rows in sequence order, at most a number of
/// rows and, after the first, at most a number of bytes of body as stored. A pass holds every
/// row it claims three times over (the body read, the event read back from it, the bytes
/// published) until the broker confirms them all, and an import batch's handover event is some
/// 133 KB of JSON: claimed by count alone, a backlog of them (a broker away, a relay that fell
/// behind an import) would be held a hundred at a time, tens of megabytes, where small events
/// fill the count long before the bytes. The first row is always taken, however large, so no
/// event waits for ever.
/// </summary>
public static class OutboxClaim
{
    public static Task<List<OutboxMessage>> DueAsync(DbContext db, Instant now, int maxRows, long maxBytes, CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sequence IN (
                    SELECT due.sequence FROM (
                        SELECT sequence, sum(pg_column_size(body)) OVER (ORDER BY sequence) - pg_column_size(body) AS bytes_before
                        FROM outbox_messages
                        WHERE sent_at IS NULL AND next_attempt_at <= {now}
                        ORDER BY sequence
                        LIMIT {maxRows}) AS due
                    WHERE due.bytes_before < {maxBytes})
                ORDER BY sequence
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
}
