using Microsoft.EntityFrameworkCore;
using Partnerskab.Messaging.Inbox;
using Partnerskab.Messaging.Outbox;

namespace Partnerskab.Messaging;

public static class MessagingModel
{
    /// <summary>Adds the outbox and inbox tables to a service's EF model.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.LastError).HasMaxLength(1000);
            // The relay only ever looks for unsent rows, in sequence order. Ordered by the key alone,
            // a planner with stale statistics would walk the key past every row already sent.
            outbox.HasIndex(m => m.Sequence).HasFilter("sent_at IS NULL");
        });
        model.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
        return model;
    }
}
