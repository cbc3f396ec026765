using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.RateCards;

/// <summary>
/// Adds a rate card version, or answers with the one effective from the same day when its terms
/// are the same; prices the items earned while no version priced them.
/// </summary>
public sealed class SetRateCardHandler(PaymentDbContext db, IClock clock)
{
    public async Task<SetRateCardResponse> HandleAsync(SetRateCardRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var card = RateCardMessages.Read(request, v, clock.GetCurrentInstant());
        v.ThrowIfInvalid();
        var (partnershipId, effectiveFrom) = (card.PartnershipId, card.EffectiveFrom);

        var cancellationToken = context.CancellationToken;
        await using var transaction = await PartnershipLock.BeginAsync(db, partnershipId, cancellationToken);
        var existing = await db.RateCards.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.EffectiveFrom == effectiveFrom, cancellationToken);
        if (existing is not null)
        {
            return existing.SameTermsAs(card)
                ? new SetRateCardResponse { RateCard = RateCardMessages.ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists(
                    $"Rate card version {existing.Version} is already effective from {effectiveFrom:uuuu-MM-dd}; versions never change, add one with a later date.");
        }

        card.Version = 1 + (await db.RateCards.Where(c => c.PartnershipId == partnershipId).MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0);
        db.RateCards.Add(card);
        await db.SaveChangesAsync(cancellationToken);
        var versions = await db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        await PriceUnpricedItems.BookAsync(db, partnershipId, versions, card.CreatedAt, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SetRateCardResponse { RateCard = RateCardMessages.ToProto(card), Created = true };
    }
}
