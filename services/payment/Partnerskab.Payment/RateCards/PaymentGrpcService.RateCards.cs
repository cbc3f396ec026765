using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.RateCards;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using MilestonePrice = Partnerskab.Payment.RateCards.MilestonePrice;
using RateCard = Partnerskab.Payment.RateCards.RateCard;

namespace Partnerskab.Payment;

public sealed partial class PaymentGrpcService
{
    /// <summary>The largest single amount accepted: 1 billion DKK, far above any real price.</summary>
    private const long MaxAmountOre = 100_000_000_000;

    public override async Task<SetRateCardResponse> SetRateCard(SetRateCardRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var effectiveFrom = v.Date(request.EffectiveFrom, "effective_from");
        v.Check(request.HandoverFeeOre is >= 0 and <= MaxAmountOre, "handover_fee_ore", "must be between 0 and 100000000000 øre");
        var prices = new List<MilestonePrice>();
        for (var i = 0; i < request.MilestonePrices.Count; i++)
        {
            var price = request.MilestonePrices[i];
            var field = $"milestone_prices[{i}]";
            var code = price.MilestoneCode.Trim();
            v.Check(MilestoneCode().IsMatch(code), $"{field}.milestone_code", "must be 1-50 characters of A-Z, 0-9 and _");
            v.Check(prices.All(p => p.MilestoneCode != code), $"{field}.milestone_code", $"'{code}' is priced twice");
            v.Check(price.AmountOre is >= 0 and <= MaxAmountOre, $"{field}.amount_ore", "must be between 0 and 100000000000 øre");
            prices.Add(new MilestonePrice(code, price.AmountOre));
        }
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Versions of one partnership are numbered one at a time.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({partnershipId.ToString()}))", cancellationToken);
        var card = new RateCard
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            EffectiveFrom = effectiveFrom,
            HandoverFeeOre = request.HandoverFeeOre,
            MilestonePrices = prices,
            CreatedAt = clock.GetCurrentInstant(),
        };
        var existing = await db.RateCards.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.EffectiveFrom == effectiveFrom, cancellationToken);
        if (existing is not null)
        {
            return existing.SamePricesAs(card)
                ? new SetRateCardResponse { RateCard = ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists(
                    $"Rate card version {existing.Version} is already effective from {effectiveFrom:uuuu-MM-dd}; versions never change, add one with a later date.");
        }

        card.Version = 1 + (await db.RateCards.Where(c => c.PartnershipId == partnershipId).MaxAsync(c => (int?)c.Version, cancellationToken) ?? 0);
        db.RateCards.Add(card);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SetRateCardResponse { RateCard = ToProto(card), Created = true };
    }

    private static Protos.Payment.V1.RateCard ToProto(RateCard card) => new()
    {
        PartnershipId = card.PartnershipId.ToString(),
        Version = card.Version,
        EffectiveFrom = card.EffectiveFrom.ToProto(),
        HandoverFeeOre = card.HandoverFeeOre,
        MilestonePrices =
        {
            card.MilestonePrices.OrderBy(p => p.MilestoneCode, StringComparer.Ordinal)
                .Select(p => new Protos.Payment.V1.MilestonePrice { MilestoneCode = p.MilestoneCode, AmountOre = p.AmountOre }),
        },
    };

    [GeneratedRegex("^[A-Z0-9_]{1,50}$")]
    private static partial Regex MilestoneCode();
}
