using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Ledger;

/// <summary>
/// Why a ledger item is there: the item, what it credits, the milestone it pays or takes back,
/// the fact that caused a credit, the documents both are on, and the day and invoicing period it
/// was booked in. The milestone's basis facts are the outcome service's, asked there by milestone id.
/// </summary>
public sealed class ExplainLedgerItemHandler(PaymentDbContext db)
{
    public async Task<ExplainLedgerItemResponse> HandleAsync(ExplainLedgerItemRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var itemId = v.Id(request.ItemId, "item_id");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var item = await db.Ledger.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.PartnershipId == partnershipId, cancellationToken)
            ?? throw DomainException.NotFound($"Partnership {partnershipId} has no ledger item {itemId}.");
        var credited = item.CreditsItemId is { } creditedId
            ? await db.Ledger.AsNoTracking().FirstOrDefaultAsync(i => i.Id == creditedId, cancellationToken)
            : null;
        var ids = new[] { item.Id, credited?.Id ?? item.Id };
        var documents = await db.Invoices.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.Lines.Any(l => ids.Contains(l.LedgerItemId)))
            .ToListAsync(cancellationToken);
        var versions = await db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        AuditCall.Citizens(partnershipId, new[] { item.CitizenId, credited?.CitizenId }.OfType<string>().Distinct());

        var creditsMilestone = credited?.Kind == LedgerItemKind.Milestone;
        var response = new ExplainLedgerItemResponse
        {
            Item = LedgerItemMessages.ToProto(item, creditsMilestone),
            CreditedItem = credited is null ? null : LedgerItemMessages.ToProto(credited, false),
            Milestone = MilestoneOf(item, credited),
            Correction = LedgerItemMessages.CorrectionOf(item),
            Document = LineOf(documents, item.Id),
            CreditedDocument = credited is null ? null : LineOf(documents, credited.Id),
            BookedOn = item.BookedOn.ToProto(),
            BookedAfterClosedPeriod = item.BookedAfterClosedPeriod,
        };
        if (Pricing.InForce(versions, item.BookedOn) is { } card)
        {
            var period = InvoicingPeriod.Containing(item.BookedOn, card.InvoicingPeriod);
            (response.BookingPeriodStart, response.BookingPeriodEnd) = (period.Start.ToProto(), period.End.ToProto());
        }
        return response;
    }

    /// <summary>The milestone a milestone item (or its later price, or their credit) is about, by its cause key "milestone:{id}".</summary>
    private static ExplainedMilestone? MilestoneOf(LedgerItem item, LedgerItem? credited)
    {
        var key = item.CauseKey;
        foreach (var prefix in new[] { LedgerBook.CreditPrefix, LedgerBook.PricedPrefix })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal)) key = key[prefix.Length..];
        }
        if (!key.StartsWith(EarnMilestonePayment.CauseKeyPrefix, StringComparison.Ordinal)) return null;
        var milestone = new ExplainedMilestone { MilestoneId = key[EarnMilestonePayment.CauseKeyPrefix.Length..], Code = item.Code ?? "", CitizenId = item.CitizenId ?? "" };
        var earning = item.Kind == LedgerItemKind.Credit ? credited : item;
        if (earning is not null) milestone.AchievedOn = earning.EarnedOn.ToProto();
        return milestone;
    }

    private static DocumentLine? LineOf(IEnumerable<Invoicing.Invoice> documents, Guid itemId)
    {
        foreach (var document in documents)
        {
            if (document.Lines.FirstOrDefault(l => l.LedgerItemId == itemId) is not { } line) continue;
            return new DocumentLine
            {
                InvoiceId = document.Id.ToString(),
                Kind = document.Kind == Invoicing.DocumentKind.Invoice ? Protos.Payment.V1.DocumentKind.Invoice : Protos.Payment.V1.DocumentKind.CreditNote,
                Number = document.Number,
                IssueDate = document.IssueDate.ToProto(),
                PeriodStart = document.PeriodStart.ToProto(),
                PeriodEnd = document.PeriodEnd.ToProto(),
                LineNumber = line.LineNumber,
                CreditedInvoiceNumber = document.CreditedInvoiceNumber ?? 0,
            };
        }
        return null;
    }
}
