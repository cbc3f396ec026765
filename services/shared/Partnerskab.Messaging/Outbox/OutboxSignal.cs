using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnerskab.Messaging.Outbox;

/// <summary>
/// Wakes the relay as soon as outbox rows may have been committed, so events leave at once
/// instead of at the next poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: a full semaphore already means "look again". The check
        // spares the exception in the common case; a race between two notifiers still lands in the catch.
        if (signal.CurrentCount > 0) return;
        try { signal.Release(); }
        catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        signal.WaitAsync(timeout, cancellationToken);

    // The relay's own commits write no new rows; were they to wake it, it would never rest.
    private readonly ConditionalWeakTable<DbContext, object> relayContexts = [];

    internal void MarkAsRelay(DbContext context) => relayContexts.AddOrUpdate(context, this);

    internal bool IsRelayContext(DbContext? context) => context is not null && relayContexts.TryGetValue(context, out _);
}

/// <summary>Notifies the relay after a save outside an explicit transaction, and after every commit.</summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null && !signal.IsRelayContext(eventData.Context)) signal.Notify();
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!signal.IsRelayContext(eventData.Context)) signal.Notify();
        return Task.CompletedTask;
    }
}
