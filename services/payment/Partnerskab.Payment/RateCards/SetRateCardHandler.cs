using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Investments;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.RateCards;

/// <summary>
/// Adds a rate card version (<see cref="RateCardVersions"/>) and prices the items earned while no
/// version priced them.
/// </summary>
public sealed class SetRateCardHandler(PaymentDbContext db, IClock clock)
{
    public async Task<SetRateCardResponse> HandleAsync(SetRateCardRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var card = RateCardMessages.Read(request, v, clock.GetCurrentInstant());
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await PartnershipLock.BeginAsync(db, card.PartnershipId, cancellationToken);
        var versions = await db.RateCards.AsNoTracking().Where(c => c.PartnershipId == card.PartnershipId).ToListAsync(cancellationToken);
        switch (RateCardVersions.Decide(versions, card))
        {
            case RateCardVersions.Unchanged(var existing):
                return new SetRateCardResponse { RateCard = RateCardMessages.ToProto(existing), Created = false };
            case RateCardVersions.Clash(var existing):
                throw DomainException.AlreadyExists(
                    $"Rate card version {existing.Version} is already effective from {card.EffectiveFrom:uuuu-MM-dd}; versions never change, add one with a later date.");
            case RateCardVersions.Added(var version):
                card.Version = version;
                db.RateCards.Add(card);
                await db.SaveChangesAsync(cancellationToken);
                await PriceUnpricedItems.BookAsync(db, card.PartnershipId, [.. versions, card], card.CreatedAt, cancellationToken);
                if (card.InvestorPassThroughBasisPoints > 0 && await IssuerAsync(card.PartnershipId, cancellationToken) is { } issuerCvr)
                {
                    // Payments recorded before the version that passes them through.
                    await PassThroughRecords.AddAsync(db, issuerCvr, context.Caller().Subject, card.CreatedAt, cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                return new SetRateCardResponse { RateCard = RateCardMessages.ToProto(card), Created = true };
            case var outcome:
                throw new InvalidOperationException($"Unknown rate card outcome {outcome}.");
        }
    }

    /// <summary>The provider's CVR, whose payments may pass through; null until the partnership's registration arrives (then nothing is invoiced yet).</summary>
    private Task<string?> IssuerAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        db.Partnerships.AsNoTracking().Where(p => p.PartnershipId == partnershipId).Select(p => (string?)p.ProviderCvr).FirstOrDefaultAsync(cancellationToken);
}
