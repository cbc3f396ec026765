using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Persistence;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>Reading a partnership and its places, as the partnership, handover, import, exit and query handlers all do.</summary>
public static class PartnershipStore
{
    public static async Task<Partnership> FindAsync(CohortDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw DomainException.NotFound($"Partnership {id} does not exist.");

    /// <summary>
    /// Locks the partnership row for the transaction, so concurrent handovers cannot overfill the
    /// cohort: the row's <see cref="Partnership.PlacesTaken"/> is then the count every later
    /// handover of the transaction starts from.
    /// </summary>
    public static async Task<Partnership> LockAsync(CohortDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Partnerships
            .FromSql($"SELECT * FROM partnerships WHERE id = {partnershipId} FOR UPDATE")
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw DomainException.NotFound($"Partnership {partnershipId} does not exist.");
}
