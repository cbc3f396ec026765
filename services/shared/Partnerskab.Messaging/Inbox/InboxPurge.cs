using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Partnerskab.ServiceDefaults.Hosting;

namespace Partnerskab.Messaging.Inbox;

/// <summary>Bound from the "Inbox" configuration section.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>
    /// How long a handled message's id is kept to turn a redelivery into a no-op. The broker
    /// redelivers within minutes; a parked message replayed by an operator must be replayed within
    /// this time to be recognised (after it, the ledger's cause keys still keep an item from being
    /// booked twice).
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Deletes inbox rows older than the retention, so the table holds about a month of messages instead of every message ever handled.</summary>
public sealed class InboxPurge<TDb>(IServiceScopeFactory scopes, IClock clock, IOptions<InboxOptions> options, ILogger<InboxPurge<TDb>> logger)
    : HourlyPurge<TDb>(scopes, clock, logger) where TDb : DbContext
{
    protected override string What => $"inbox rows older than {options.Value.Retention}";

    public override Task<int> PurgeAsync(TDb db, Instant now, CancellationToken cancellationToken)
    {
        var expired = now - Duration.FromTimeSpan(options.Value.Retention);
        return db.Set<InboxMessage>().Where(m => m.ReceivedAt < expired).ExecuteDeleteAsync(cancellationToken);
    }
}
