using NodaTime;
using Partnerskab.Payment.Partnerships;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Invoicing;

/// <summary>
/// Whom a payer's documents are addressed to: the kommune of the agreement when it pays alone
/// (payer ""), otherwise the payer as the rate card names it, with its own CVR and EAN, from the
/// newest version in force on the day that names it (or, if none in force does, the newest that does).
/// </summary>
public sealed record InvoiceBuyer(string Name, string Cvr, string Ean)
{
    public static InvoiceBuyer Of(Partnership partnership, IEnumerable<RateCard> versions, string payerId, LocalDate on)
    {
        if (payerId.Length == 0) return new InvoiceBuyer(partnership.KommuneName, partnership.KommuneCvr, partnership.KommuneEan);
        var naming = versions.Where(v => v.Payers.Any(p => p.PayerId == payerId)).OrderByDescending(v => v.EffectiveFrom).ToList();
        var payer = (naming.FirstOrDefault(v => v.EffectiveFrom <= on) ?? naming.First()).Payers.Single(p => p.PayerId == payerId);
        // A payer without an EAN gets its documents, and the e-invoice export says what it lacks.
        return new InvoiceBuyer(payer.Name, payer.Cvr, payer.Ean ?? "");
    }
}
