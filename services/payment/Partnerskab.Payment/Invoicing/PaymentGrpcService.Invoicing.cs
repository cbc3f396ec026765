using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.RateCards;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using DocumentKind = Partnerskab.Payment.Invoicing.DocumentKind;
using Invoice = Partnerskab.Payment.Invoicing.Invoice;
using InvoiceLine = Partnerskab.Payment.Invoicing.InvoiceLine;
using InvoiceStatus = Partnerskab.Payment.Invoicing.InvoiceStatus;

namespace Partnerskab.Payment;

public sealed partial class PaymentGrpcService
{

    /// <summary>"Today" for as-of questions is the kommune's calendar day.</summary>
    private LocalDate Today => clock.Today();

    public override async Task<RunInvoicesResponse> RunInvoices(RunInvoicesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var periodStart = v.Date(request.PeriodStart, "period_start");
        var issueDate = v.Date(request.IssueDate, "issue_date");
        if (periodStart != default) v.Check(periodStart.Day == 1, "period_start", "must be the first day of a month or quarter");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockPartnershipAsync(partnershipId, cancellationToken);
        var done = await db.InvoiceRuns.AsNoTracking()
            .FirstOrDefaultAsync(r => r.PartnershipId == partnershipId && r.PeriodStart == periodStart, cancellationToken);
        if (done is not null)
        {
            var made = await db.Invoices.AsNoTracking().Where(d => d.RunId == done.Id).OrderBy(d => d.Number).ToListAsync(cancellationToken);
            AuditCall.Citizens(partnershipId, made.SelectMany(d => d.Lines).Where(l => l.CitizenId is not null).Select(l => l.CitizenId!));
            return new RunInvoicesResponse { Documents = { await WithStandingsAsync(made, Today, cancellationToken) }, Created = false };
        }

        var terms = await InvoiceTermsAsync(partnershipId, periodStart, issueDate, v, cancellationToken);
        var documents = await InvoiceRuns.RunAsync(db, terms, request.Preview, clock.GetCurrentInstant(), cancellationToken);
        AuditCall.Citizens(partnershipId, documents.SelectMany(d => d.Lines).Where(l => l.CitizenId is not null).Select(l => l.CitizenId!));
        if (request.Preview)
        {
            return new RunInvoicesResponse { Documents = { documents.Select(d => ToProto(d, null)) }, Created = false };
        }
        await transaction.CommitAsync(cancellationToken);
        return new RunInvoicesResponse
        {
            Documents = { documents.Select(d => ToProto(d, InvoiceStanding.Of(d, [], [], d.IssueDate))) },
            Created = true,
        };
    }

    public override async Task<ListInvoicesResponse> ListInvoices(ListInvoicesRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var asOf = request.AsOf is null ? Today : v.Date(request.AsOf, "as_of");
        v.ThrowIfInvalid();

        var documents = await db.Invoices.AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.IssueDate <= asOf)
            .OrderBy(d => d.Number)
            .ToListAsync(context.CancellationToken);
        AuditCall.Citizens(partnershipId, documents.SelectMany(d => d.Lines).Where(l => l.CitizenId is not null).Select(l => l.CitizenId!));
        return new ListInvoicesResponse { Documents = { await WithStandingsAsync(documents, asOf, context.CancellationToken) } };
    }

    /// <summary>
    /// The rate card, parties and period a run invoices under, or why it cannot run: a period
    /// that does not start an invoicing period of the rate card or an issue date before its end
    /// is invalid input; missing parties, rate card or payee account, or a later period already
    /// run, are refusals.
    /// </summary>
    private async Task<InvoiceRuns.Terms> InvoiceTermsAsync(Guid partnershipId, LocalDate periodStart, LocalDate issueDate, RequestValidator v,
        CancellationToken cancellationToken)
    {
        var versions = await db.RateCards.AsNoTracking().Where(c => c.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var card = Pricing.InForce(versions, periodStart)
            ?? throw DomainException.FailedPrecondition($"No rate card of partnership {partnershipId} is in force on {periodStart:uuuu-MM-dd}.");
        var period = InvoicingPeriod.StartingOn(periodStart, card.InvoicingPeriod, out var problem);
        if (period is null) v.Add("period_start", problem!);
        else v.Check(issueDate >= period.End, "issue_date", $"must be on or after the period's last day, {period.End:uuuu-MM-dd}");
        v.ThrowIfInvalid();

        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.PartnershipId == partnershipId, cancellationToken);
        if (partnership is not { Reference: not null, Version: > 0 })
        {
            throw DomainException.FailedPrecondition(
                $"The registration of partnership {partnershipId} has not reached the payment service yet; its parties are unknown.");
        }
        if (card is not { PayeeBankRegistrationNumber: not null, PayeeAccountNumber: not null })
        {
            throw DomainException.FailedPrecondition($"Rate card version {card.Version} has no payee account; invoices cannot be issued without one.");
        }
        var later = await db.InvoiceRuns.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.PeriodStart > periodStart)
            .MinAsync(r => (LocalDate?)r.PeriodStart, cancellationToken);
        if (later is not null)
        {
            throw DomainException.FailedPrecondition(
                $"The period starting {later:uuuu-MM-dd} has been invoiced already; its items of earlier periods are on its documents.");
        }
        return new InvoiceRuns.Terms(partnership, card, versions, period!, issueDate);
    }

    /// <summary>Documents as the API shows them, with where each stood on a date (credit notes and payments by then).</summary>
    private async Task<IEnumerable<Protos.Payment.V1.Invoice>> WithStandingsAsync(IReadOnlyList<Invoice> documents, LocalDate asOf,
        CancellationToken cancellationToken)
    {
        var report = await ReconcileAsync(documents.Select(d => d.IssuerCvr).Distinct().ToList(), asOf, cancellationToken);
        var standings = report.Invoices.ToDictionary(r => r.Invoice.Id, r => r.Standing);
        return documents.Select(d => ToProto(d, standings.GetValueOrDefault(d.Id) ?? InvoiceStanding.Of(d, [], [], asOf)));
    }

    private static Protos.Payment.V1.Invoice ToProto(Invoice document, InvoiceStanding? standing) => new()
    {
        InvoiceId = document.Id.ToString(),
        PartnershipId = document.PartnershipId.ToString(),
        Kind = document.Kind == DocumentKind.Invoice ? Protos.Payment.V1.DocumentKind.Invoice : Protos.Payment.V1.DocumentKind.CreditNote,
        Number = document.Number,
        IssuerCvr = document.IssuerCvr,
        PeriodStart = document.PeriodStart.ToProto(),
        PeriodEnd = document.PeriodEnd.ToProto(),
        IssueDate = document.IssueDate.ToProto(),
        DueDate = document.DueDate.ToProto(),
        CreditedInvoiceId = document.CreditedInvoiceId?.ToString() ?? "",
        CreditedInvoiceNumber = document.CreditedInvoiceNumber ?? 0,
        SellerName = document.SellerName,
        BuyerName = document.BuyerName,
        BuyerCvr = document.BuyerCvr,
        BuyerEan = document.BuyerEan,
        BuyerReference = document.BuyerReference,
        VatRateBasisPoints = document.VatRateBasisPoints,
        NetAmountOre = document.NetAmountOre,
        VatAmountOre = document.VatAmountOre,
        TotalAmountOre = document.TotalAmountOre,
        Lines = { document.Lines.OrderBy(l => l.LineNumber).Select(ToProto) },
        Status = (Protos.Payment.V1.InvoiceStatus)(int)(standing?.Status ?? InvoiceStatus.Draft),
        CreditedOre = standing?.CreditedOre ?? 0,
        PaidOre = standing?.PaidOre ?? 0,
        OutstandingOre = standing?.OutstandingOre ?? 0,
    };

    private static Protos.Payment.V1.InvoiceLine ToProto(InvoiceLine line) => new()
    {
        LineNumber = line.LineNumber,
        LedgerItemId = line.LedgerItemId.ToString(),
        Description = line.Description,
        CitizenId = line.CitizenId ?? "",
        EarnedOn = line.EarnedOn.ToProto(),
        Quantity = line.Quantity,
        UnitPriceOre = line.UnitPriceOre,
        AllowanceOre = line.AllowanceOre,
        AllowanceReason = line.AllowanceReason ?? "",
        NetAmountOre = line.NetAmountOre,
    };
}
