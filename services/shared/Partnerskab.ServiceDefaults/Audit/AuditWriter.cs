using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Partnerskab.ServiceDefaults.Audit;

public interface IAuditWriter
{
    /// <summary>Returns once the entry is committed; throws when it could not be.</summary>
    Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the entry as <see cref="WriteAsync"/> does, in a transaction that is rolled back:
    /// the warm-up's way through the insert path. No row is left (an identity number is used up).
    /// </summary>
    Task RehearseAsync(AuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>
/// Inserts entries on a DbContext of its own (the call's context may hold the changes of a
/// failed write, which must not be saved with it), with group commit: the entries of calls
/// that finish at the same time go in one save, and each call waits for the save that holds its
/// entry. Every read of citizen data writes an entry, so one insert and commit per read would
/// bound the read rate. When a save of several fails, each entry is tried on its own, so one
/// bad entry never fails its neighbours' calls.
/// </summary>
public sealed class AuditWriter<TDb> : IAuditWriter, IAsyncDisposable where TDb : DbContext
{
    private const int MaxEntriesPerSave = 256;

    private readonly IServiceScopeFactory scopes;
    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Saved)> pending =
        Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writing;

    public AuditWriter(IServiceScopeFactory scopes)
    {
        this.scopes = scopes;
        // The loop outlives the call that first resolved the writer: none of that call's context
        // (its audit state, its trace) may flow into it.
        using (ExecutionContext.SuppressFlow()) writing = Task.Run(WriteLoopAsync);
    }

    public async Task WriteAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!pending.Writer.TryWrite((entry, saved))) throw new InvalidOperationException("The audit log is shutting down.");
        await saved.Task.WaitAsync(cancellationToken);
    }

    public Task RehearseAsync(AuditEntry entry, CancellationToken cancellationToken) => SaveAsync([entry], cancellationToken, rolledBack: true);

    private async Task WriteLoopAsync()
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource Saved)>(MaxEntriesPerSave);
        while (await pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxEntriesPerSave && pending.Reader.TryRead(out var item)) batch.Add(item);
            try
            {
                await SaveAsync(batch.Select(b => b.Entry).ToList(), CancellationToken.None);
                batch.ForEach(b => b.Saved.TrySetResult());
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var (entry, saved) in batch) await SaveOneAsync(entry, saved);
            }
            catch (Exception e)
            {
                batch[0].Saved.TrySetException(e);
            }
            batch.Clear();
        }
    }

    private async Task SaveOneAsync(AuditEntry entry, TaskCompletionSource saved)
    {
        try
        {
            await SaveAsync([entry], CancellationToken.None);
            saved.TrySetResult();
        }
        catch (Exception e)
        {
            saved.TrySetException(e);
        }
    }

    /// <summary>One binary COPY: no generated ids to read back, no statement per entry.</summary>
    private async Task SaveAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken, bool rolledBack = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Disposed without a commit: rolled back.
        await using var rehearsal = rolledBack ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await AuditModel.Copy.InsertAsync(db, entries, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        await writing;
    }
}
