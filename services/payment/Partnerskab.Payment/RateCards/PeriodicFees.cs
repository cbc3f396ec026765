using NodaTime;

namespace Partnerskab.Payment.RateCards;

/// <summary>
/// When periodic fees fall due: on the contract start, then on the first day of every later
/// month (monthly fees) or quarter (quarterly fees, 1 January, April, July, October) up to the
/// contract end, each at the full fee of the rate card in force that day. A fee the card in
/// force does not list is not due that day.
/// </summary>
public static class PeriodicFees
{
    public sealed record Occurrence(LocalDate EarnedOn, RateCard Card, PeriodicFee Fee)
    {
        public string CauseKey(Guid partnershipId) => $"periodic:{partnershipId}:{Fee.Code}:{EarnedOn:uuuu-MM-dd}";

        public Pricing.Priced Priced => new(Fee.AmountOre, 1, Card.Version,
            $"rate card v{Card.Version}: {Fee.Code} ({(Fee.Interval == BillingInterval.Quarterly ? "quarterly" : "monthly")})");
    }

    public static IEnumerable<Occurrence> Due(IReadOnlyCollection<RateCard> versions, LocalDate contractStart, LocalDate contractEnd, LocalDate upTo)
    {
        var last = LocalDate.Min(contractEnd, upTo);
        for (var month = new LocalDate(contractStart.Year, contractStart.Month, 1); month <= last; month = month.PlusMonths(1))
        {
            var on = LocalDate.Max(month, contractStart);
            if (Pricing.InForce(versions, on) is not { } card) continue;
            foreach (var fee in card.PeriodicFees.OrderBy(f => f.Code, StringComparer.Ordinal))
            {
                if (fee.Interval == BillingInterval.Monthly || on == contractStart || (month.Month - 1) % 3 == 0)
                {
                    yield return new Occurrence(on, card, fee);
                }
            }
        }
    }
}
