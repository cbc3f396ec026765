using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Outcome.Persistence;
using Partnerskab.ServiceDefaults.Recording;

namespace Partnerskab.Outcome.Claims;

/// <summary>
/// The partnership of a decision on a claim (verify, reject, correct, revoke: the request names
/// the claim only), so that a historical load's decisions are held to the partnership's latest
/// recorded moment like its other facts. An unknown claim has none; its handler refuses it.
/// </summary>
public sealed class ClaimPartnershipLookup(OutcomeDbContext db) : IRecordedScopeLookup
{
    public async Task<Guid?> PartnershipOfAsync(IMessage request, CancellationToken cancellationToken) =>
        request.Descriptor.FindFieldByName("claim_id")?.Accessor.GetValue(request) is string text && Guid.TryParse(text, out var claimId)
            ? await db.Claims.AsNoTracking().Where(c => c.Id == claimId).Select(c => (Guid?)c.PartnershipId).FirstOrDefaultAsync(cancellationToken)
            : null;
}
