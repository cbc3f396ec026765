using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.Messaging.Outbox;

public static class OutboxExtensions
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Stages an event in the outbox; it is published only if the surrounding SaveChanges (and
    /// transaction, if any) commits.
    /// </summary>
    public static OutboxMessage AddToOutbox<TMessage>(this DbContext db, TMessage message, Instant now) where TMessage : class
    {
        var row = OutboxRow(message, now);
        db.Set<OutboxMessage>().Add(row);
        return row;
    }

    /// <summary>The outbox row of an event, not yet staged anywhere (see <see cref="OutboxCopy"/>).</summary>
    public static OutboxMessage OutboxRow<TMessage>(TMessage message, Instant now) where TMessage : class
    {
        var type = typeof(TMessage);
        return new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, type, Json),
            TraceParent = Activity.Current?.Id,
            RecordedAt = RecordedTime.Current,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
