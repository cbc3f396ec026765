using Partnerskab.Cli.Outcome;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Finance;

/// <summary>`partnerskab finance ledger`: every item earned, priced, capped or credited, in DKK without VAT, with the total.</summary>
public static class LedgerView
{
    public static string Report(GetLedgerResponse answer) => TextTable.Format(
        [
            new("earned on"), new("kind"), new("payer"), new("code"), new("citizen"), new("quantity", RightAligned: true), new("unit price", RightAligned: true),
            new("before caps", RightAligned: true), new("amount DKK", RightAligned: true), new("capped by"), new("rate card", RightAligned: true),
            new("pricing"), new("item"), new("credits item"),
        ],
        answer.Items.Select(i => (IReadOnlyList<string>)
        [
            FinanceDates.Text(i.EarnedOn), StatusCsv.Name(i.Kind), i.PayerId, i.Code, i.CitizenId, TextTable.Number(i.Quantity), TextTable.Kroner(i.UnitPriceOre),
            TextTable.Kroner(i.OriginalAmountOre), TextTable.Kroner(i.AmountOre), i.CappedBy == CapKind.Unspecified ? "" : StatusCsv.Name(i.CappedBy),
            i.RateCardVersion == 0 ? "" : TextTable.Number(i.RateCardVersion), (i.Unpriced ? "unpriced: " : "") + i.PricingNote, i.ItemId, i.CreditsItemId,
        ]))
        + $"  {answer.Items.Count} item(s), {answer.Items.Count(i => i.Unpriced)} unpriced; total {TextTable.Kroner(answer.Items.Sum(i => i.AmountOre))} DKK\n";
}
