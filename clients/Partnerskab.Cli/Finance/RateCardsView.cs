using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Finance;

/// <summary>
/// `partnerskab finance rate-card list`: each version's terms, then its prices as a table (DKK
/// without VAT), then the payers splitting them when there are several.
/// </summary>
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
            ("passed through to the investor", PartnershipCost.Percent(card.InvestorPassThroughBasisPoints)),
        };
        terms.AddRange(card.Budgets.Select(b => ($"budget {b.Year}", TextTable.Kroner(b.AmountOre))));
        var prices = new List<IReadOnlyList<string>> { new[] { "handover fee", "", "", TextTable.Kroner(card.HandoverFeeOre) } };
        prices.AddRange(card.MilestonePrices.Select(p => (IReadOnlyList<string>)["milestone", p.MilestoneCode, "", TextTable.Kroner(p.AmountOre)]));
        prices.AddRange(card.DeliverableFees.Select(f => (IReadOnlyList<string>)["deliverable, per unit", f.DeliverableKind, "", TextTable.Kroner(f.AmountOrePerUnit)]));
        prices.AddRange(card.PeriodicFees.Select(f => (IReadOnlyList<string>)["periodic fee", f.Code, StatusCsv.Name(f.Interval), TextTable.Kroner(f.AmountOre)]));
        return $"  Rate card version {card.Version} of partnership {card.PartnershipId}\n"
            + TextTable.Terms(terms)
            + "\n"
            + TextTable.Format([new("price"), new("code"), new("interval"), new("DKK", RightAligned: true)], prices)
            + Payers(card);
    }

    private static string Payers(RateCard card) => card.Payers.Count == 0
        ? ""
        : "\n" + TextTable.Format(
            [new("payer"), new("name"), new("CVR"), new("EAN"), new("share", RightAligned: true), new("cap", RightAligned: true), new("rounding remainder")],
            card.Payers.Select(p => (IReadOnlyList<string>)
            [
                p.PayerId, p.Name, p.Cvr, p.Ean, PartnershipCost.Percent(p.ShareBasisPoints), p.HasCapOre ? TextTable.Kroner(p.CapOre) : "",
                p.PayerId == card.RemainderPayerId ? "yes" : "",
            ]));
}
