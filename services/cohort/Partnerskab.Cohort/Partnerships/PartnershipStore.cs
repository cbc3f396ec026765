using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Persistence;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>Reading a partnership and its places, as the partnership, handover, import, exit and query handlers all do.</summary>
public static class PartnershipStore
{
    public static async Task<Partnership> FindAsync(CohortDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw DomainException.NotFound($"Partnership {id} does not exist.");

    /// <summary>Locks the partnership row for the transaction, so concurrent handovers cannot overfill the cohort.</summary>
    public static async Task<Partnership> LockAsync(CohortDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Partnerships
            .FromSql($"SELECT * FROM partnerships WHERE id = {partnershipId} FOR UPDATE")
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw DomainException.NotFound($"Partnership {partnershipId} does not exist.");

    /// <summary>The places taken in the cohort: every citizen handed over, but one exited as wrongly enrolled.</summary>
    /// <remarks>A count the database keeps (<see cref="Partnership.PlacesTaken"/>): counting the citizens instead cost a scan of the partnership per import batch.</remarks>
    public static Task<int> PlacesTakenAsync(CohortDbContext db, Guid partnershipId, CancellationToken cancellationToken) =>
        db.Partnerships.Where(p => p.Id == partnershipId).Select(p => p.PlacesTaken).SingleAsync(cancellationToken);
}
