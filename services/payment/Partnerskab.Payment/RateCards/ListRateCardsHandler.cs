using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.RateCards;

/// <summary>A partnership's rate card versions, oldest first.</summary>
public sealed class ListRateCardsHandler(PaymentDbContext db)
{
    public async Task<ListRateCardsResponse> HandleAsync(ListRateCardsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var cards = await db.RateCards.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId)
            .OrderBy(c => c.Version)
            .ToListAsync(context.CancellationToken);
        return new ListRateCardsResponse { RateCards = { cards.Select(RateCardMessages.ToProto) } };
    }
}
