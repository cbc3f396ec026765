using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Partnerships;

/// <summary>
/// Serialises everything that changes a partnership's money (rate cards, ledger items under
/// caps, invoice runs): each takes the partnership's advisory lock for its whole transaction.
/// </summary>
public static class PartnershipLock
{
    /// <summary>The advisory lock key of a partnership's money.</summary>
    public static string Key(Guid partnershipId) => partnershipId.ToString();

    /// <summary>Begins a transaction that holds the partnership's lock until it ends.</summary>
    public static async Task<IDbContextTransaction> BeginAsync(PaymentDbContext db, Guid partnershipId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await AdvisoryLocks.LockAsync(db, Key(partnershipId), cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
