using NodaTime;
using Partnerskab.Payment.Ledger;

namespace Partnerskab.Payment.Invoicing;

/// <summary>
/// What an invoice run puts on which document, as pure arithmetic over the ledger:
/// <list type="bullet">
/// <item>Every uninvoiced, non-zero item booked up to the end of the period goes on one invoice
/// per payer (an item is booked on its own day, or in the first open period when its day's period
/// was closed; its line says so): each payer of a split price is billed its own items.</item>
/// <item>An item and its credit that are both uninvoiced cancel out and go on no document.</item>
/// <item>A credit of an item already invoiced goes on a credit note that references that
/// invoice, one credit note per credited invoice (so per payer: a credit has its item's payer), at that invoice's VAT rate; its amounts are
/// positive; each line names the invoice it corrects and the fact that caused it.</item>
/// <item>VAT is computed per document on the sum of its lines (see <see cref="Money"/>).</item>
/// </list>
/// Items booked after the period wait for a later run; late items of an earlier period go on
/// the next run's invoice.
/// </summary>
public static class InvoicePlan
{
    /// <summary>The issued invoice a ledger item is on.</summary>
    public sealed record InvoicedOn(Guid InvoiceId, long Number, LocalDate IssueDate, int VatRateBasisPoints);

    /// <param name="PayerId">Whom it bills (<see cref="LedgerItem.PayerId"/>).</param>
    public sealed record Document(DocumentKind Kind, InvoicedOn? CreditedInvoice, int VatRateBasisPoints, IReadOnlyList<InvoiceLine> Lines,
        string PayerId = "")
    {
        public long NetAmountOre => Lines.Sum(l => l.NetAmountOre);
        public long VatAmountOre => Money.Vat(NetAmountOre, VatRateBasisPoints);
        public long TotalAmountOre => NetAmountOre + VatAmountOre;
    }

    /// <param name="uninvoiced">The partnership's ledger items that are on no document yet.</param>
    /// <param name="invoiced">For items on an issued invoice, that invoice.</param>
    public static IReadOnlyList<Document> Plan(IReadOnlyCollection<LedgerItem> uninvoiced, IReadOnlyDictionary<Guid, InvoicedOn> invoiced,
        LocalDate periodEnd, int vatRateBasisPoints)
    {
        var cancelled = uninvoiced
            .Where(i => i is { Kind: LedgerItemKind.Credit, CreditsItemId: { } credited } && !invoiced.ContainsKey(credited))
            .SelectMany(i => new[] { i.Id, i.CreditsItemId!.Value })
            .ToHashSet();
        var due = uninvoiced
            .Where(i => i.BookedOn <= periodEnd && i.AmountOre != 0 && !cancelled.Contains(i.Id))
            .OrderBy(i => i.EarnedOn).ThenBy(i => i.Id)
            .ToList();

        var documents = new List<Document>();
        foreach (var earned in due.Where(i => i.Kind != LedgerItemKind.Credit).GroupBy(i => i.PayerId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            documents.Add(new Document(DocumentKind.Invoice, null, vatRateBasisPoints, earned.Select((item, n) => new InvoiceLine(
                n + 1, item.Id, Describe(item), item.CitizenId, item.EarnedOn, item.Quantity, item.UnitPriceOre,
                item.OriginalAmountOre - item.AmountOre, item.CappedBy == CapKind.None ? null : $"Cap: {Caps.Describe(item.CappedBy)}",
                item.AmountOre)).ToList(), earned.Key));
        }
        foreach (var credits in due.Where(i => i.Kind == LedgerItemKind.Credit)
                     .GroupBy(i => invoiced[i.CreditsItemId!.Value])
                     .OrderBy(g => g.Key.Number))
        {
            documents.Add(new Document(DocumentKind.CreditNote, credits.Key, credits.Key.VatRateBasisPoints, credits.Select((item, n) => new InvoiceLine(
                n + 1, item.Id, DescribeCredit(item, credits.Key), item.CitizenId, item.EarnedOn, 1, -item.AmountOre, 0, null, -item.AmountOre)).ToList(),
                credits.First().PayerId));
        }
        return documents;
    }

    /// <summary>The longest line description a document keeps.</summary>
    public const int MaxDescriptionLength = 500;

    private static string Describe(LedgerItem item) => Limited((item.Kind switch
    {
        LedgerItemKind.HandoverFee => $"Handover fee, citizen {item.CitizenId}, handed over {item.EarnedOn:uuuu-MM-dd}",
        LedgerItemKind.Milestone => $"Milestone {item.Code}, citizen {item.CitizenId}, reached {item.EarnedOn:uuuu-MM-dd}",
        LedgerItemKind.DeliverableFee => $"Learning track {item.Code}, completed {item.EarnedOn:uuuu-MM-dd}",
        LedgerItemKind.PeriodicFee => $"Fee {item.Code} from {item.EarnedOn:uuuu-MM-dd}",
        _ => $"Credit of {item.EarnedOn:uuuu-MM-dd}: {item.PricingNote}",
    }) + (item.BookedAfterClosedPeriod ? $"; booked {item.BookedOn:uuuu-MM-dd}, its own period being closed" : ""));

    /// <summary>A credit note's line: what it takes back, from which invoice, effective when, and the fact that caused it.</summary>
    private static string DescribeCredit(LedgerItem credit, InvoicedOn corrected)
    {
        var cause = credit.CorrectionKind is null ? ""
            : $"; cause: {credit.CorrectionKind} {credit.CorrectionReference}, reported by {credit.CorrectionReportedBy}, known {credit.CorrectionKnownAt:uuuu-MM-dd'T'HH:mm:ss'Z'}";
        return Limited($"Corrects invoice {corrected.Number} of {corrected.IssueDate:uuuu-MM-dd}, effective {credit.EarnedOn:uuuu-MM-dd}, " +
            $"booked {credit.BookedOn:uuuu-MM-dd}{cause}: {credit.PricingNote}");
    }

    private static string Limited(string description) =>
        description.Length <= MaxDescriptionLength ? description : description[..(MaxDescriptionLength - 1)] + "…";
}
