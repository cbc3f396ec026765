using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Partnerskab.ServiceDefaults.Audit;

/// <summary>
/// Puts the audit entry of an audited call's business write into the same save, so the entry
/// commits exactly when the write does: a write can never be committed without its entry. An
/// entry whose save fails or whose transaction rolls back is left to the entry after the call.
/// </summary>
public sealed class AuditSaveChangesInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddPendingEntry(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddPendingEntry(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Failed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Commit();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Commit();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RollBack();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack();
        return Task.CompletedTask;
    }

    private static void AddPendingEntry(DbContext? context)
    {
        if (context is null || AuditCall.Current is not { } call) return;
        call.SavingNow = call.TakePendingForSave();
        if (call.SavingNow is { } entry) context.Add(entry);
    }

    private static void Saved(DbContext? context)
    {
        if (AuditCall.Current is not { SavingNow: { } entry } call) return;
        if (context?.Database.CurrentTransaction is null) call.Committed([entry]);
        call.SavingNow = null;
    }

    private static void Failed(DbContext? context)
    {
        if (AuditCall.Current is not { SavingNow: { } entry } call) return;
        call.Unsaved(entry);
        if (context is not null) context.Entry(entry).State = EntityState.Detached;
        call.SavingNow = null;
    }

    private static void Commit()
    {
        if (AuditCall.Current is { } call) call.Committed(call.Uncommitted);
    }

    private static void RollBack()
    {
        if (AuditCall.Current is not { } call) return;
        foreach (var entry in call.Uncommitted) call.Unsaved(entry);
    }
}
