using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Finance;

/// <summary>`partnerskab finance rate-card list`: each version's terms, then its prices as a table (DKK without VAT).</summary>
public static class RateCardsView
{
    public static string Report(ListRateCardsResponse answer) => string.Join("\n", answer.RateCards.Select(Version));

    private static string Version(RateCard card)
    {
        var caps = card.Caps ?? new Caps();
        var terms = new List<(string, string)>
        {
            ("effective from", FinanceDates.Text(card.EffectiveFrom)),
            ("VAT", PartnershipCost.Percent(card.VatRateBasisPoints)),
            ("invoicing", StatusCsv.Name(card.InvoicingPeriod)),
            ("payment terms", $"{card.PaymentTermsDays} days"),
            ("payee account", card.PayeeAccount is { } account ? $"{account.BankRegistrationNumber} {account.AccountNumber}" : ""),
            ("cap per citizen", caps.HasPerCitizenOre ? TextTable.Kroner(caps.PerCitizenOre) : ""),
            ("cap per calendar year", caps.HasPerCalendarYearOre ? TextTable.Kroner(caps.PerCalendarYearOre) : ""),
            ("cap on the contract", caps.HasContractOre ? TextTable.Kroner(caps.ContractOre) : ""),
        };
        terms.AddRange(card.Budgets.Select(b => ($"budget {b.Year}", TextTable.Kroner(b.AmountOre))));
        var prices = new List<IReadOnlyList<string>> { new[] { "handover fee", "", "", TextTable.Kroner(card.HandoverFeeOre) } };
        prices.AddRange(card.MilestonePrices.Select(p => (IReadOnlyList<string>)["milestone", p.MilestoneCode, "", TextTable.Kroner(p.AmountOre)]));
        prices.AddRange(card.DeliverableFees.Select(f => (IReadOnlyList<string>)["deliverable, per unit", f.DeliverableKind, "", TextTable.Kroner(f.AmountOrePerUnit)]));
        prices.AddRange(card.PeriodicFees.Select(f => (IReadOnlyList<string>)["periodic fee", f.Code, StatusCsv.Name(f.Interval), TextTable.Kroner(f.AmountOre)]));
        return $"  Rate card version {card.Version} of partnership {card.PartnershipId}\n"
            + TextTable.Terms(terms)
            + "\n"
            + TextTable.Format([new("price"), new("code"), new("interval"), new("DKK", RightAligned: true)], prices);
    }
}
