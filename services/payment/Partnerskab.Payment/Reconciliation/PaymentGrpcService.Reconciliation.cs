using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Reconciliation;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment;

public sealed partial class PaymentGrpcService
{
    private const int MaxStatementLines = 10_000;

    public override async Task<RecordPaymentsResponse> RecordPayments(RecordPaymentsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var issuerCvr = request.IssuerCvr.Trim();
        v.Digits(issuerCvr, "issuer_cvr", 8);
        v.Check(request.Lines.Count is > 0 and <= MaxStatementLines, "lines", $"must hold 1 to {MaxStatementLines} statement lines");
        var now = clock.GetCurrentInstant();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = request.Lines.Select((line, i) =>
        {
            var field = $"lines[{i}]";
            var bankLineId = v.Text(line.BankLineId, $"{field}.bank_line_id", 100);
            if (bankLineId.Length > 0) v.Check(seen.Add(bankLineId), $"{field}.bank_line_id", $"'{bankLineId}' is given twice");
            v.Check(line.AmountOre is > 0 and <= MaxAmountOre, $"{field}.amount_ore", $"must be between 1 and {MaxAmountOre} øre");
            return new BankPayment
            {
                Id = Guid.CreateVersion7(),
                IssuerCvr = issuerCvr,
                BankLineId = bankLineId,
                AmountOre = line.AmountOre,
                BookedOn = v.Date(line.BookedOn, $"{field}.booked_on"),
                Reference = v.OptionalText(line.Reference, $"{field}.reference"),
                RecordedAt = now,
            };
        }).ToList();
        v.ThrowIfInvalid();
        context.Caller().EnsureActsForOrganisation(issuerCvr);

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Two statements with the same line, recorded at once, must not both insert it.
        await AdvisoryLocks.LockAsync(db, $"payments:{issuerCvr}", cancellationToken);
        var ids = lines.Select(l => l.BankLineId).ToList();
        var recorded = await db.BankPayments.AsNoTracking()
            .Where(p => p.IssuerCvr == issuerCvr && ids.Contains(p.BankLineId))
            .ToDictionaryAsync(p => p.BankLineId, StringComparer.Ordinal, cancellationToken);
        var response = new RecordPaymentsResponse();
        foreach (var line in lines)
        {
            if (recorded.TryGetValue(line.BankLineId, out var earlier))
            {
                if (!earlier.SameLineAs(line))
                {
                    throw DomainException.AlreadyExists(
                        $"Bank line {line.BankLineId} was recorded before with other data; a statement line never changes.");
                }
                response.Lines.Add(new RecordedPaymentLine { BankLineId = line.BankLineId, Result = PaymentLineResult.Unchanged });
                continue;
            }
            db.BankPayments.Add(line);
            response.Lines.Add(new RecordedPaymentLine { BankLineId = line.BankLineId, Result = PaymentLineResult.Recorded });
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return response;
    }

    public override async Task<GetReconciliationResponse> GetReconciliation(GetReconciliationRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var issuerCvr = request.IssuerCvr.Trim();
        v.Digits(issuerCvr, "issuer_cvr", 8);
        var asOf = request.AsOf is null ? Today : v.Date(request.AsOf, "as_of");
        Guid? partnershipId = request.PartnershipId.Length == 0 ? null : v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();
        context.Caller().EnsureActsForOrganisation(issuerCvr);

        var report = await ReconcileAsync([issuerCvr], asOf, context.CancellationToken);
        return new GetReconciliationResponse
        {
            Invoices =
            {
                report.Invoices.Where(r => partnershipId is null || r.Invoice.PartnershipId == partnershipId).Select(r => new ReconciledInvoice
                {
                    InvoiceId = r.Invoice.Id.ToString(),
                    PartnershipId = r.Invoice.PartnershipId.ToString(),
                    Number = r.Invoice.Number,
                    DueDate = r.Invoice.DueDate.ToProto(),
                    TotalAmountOre = r.Invoice.TotalAmountOre,
                    CreditedOre = r.Standing.CreditedOre,
                    PaidOre = r.Standing.PaidOre,
                    OutstandingOre = r.Standing.OutstandingOre,
                    Status = (Protos.Payment.V1.InvoiceStatus)(int)r.Standing.Status,
                    BankLineIds = { r.Payments.Select(p => p.BankLineId) },
                    Findings = { r.Findings.Select(f => (ReconciliationFinding)(int)f) },
                }),
            },
            UnknownReferences = { report.UnknownReferences.Select(ToProto) },
        };
    }

    /// <summary>The issuers' invoices, credit notes and payments, matched as of a date.</summary>
    private async Task<PaymentMatching.Report> ReconcileAsync(IReadOnlyCollection<string> issuerCvrs, LocalDate asOf, CancellationToken cancellationToken)
    {
        var documents = await db.Invoices.AsNoTracking()
            .Where(d => issuerCvrs.Contains(d.IssuerCvr) && d.IssueDate <= asOf)
            .ToListAsync(cancellationToken);
        var payments = await db.BankPayments.AsNoTracking()
            .Where(p => issuerCvrs.Contains(p.IssuerCvr) && p.BookedOn <= asOf)
            .ToListAsync(cancellationToken);
        var reports = issuerCvrs.Select(issuer => PaymentMatching.Reconcile(
            documents.Where(d => d.IssuerCvr == issuer).ToList(), payments.Where(p => p.IssuerCvr == issuer).ToList(), asOf)).ToList();
        return new PaymentMatching.Report([.. reports.SelectMany(r => r.Invoices)], [.. reports.SelectMany(r => r.UnknownReferences)]);
    }

    private static BankStatementLine ToProto(BankPayment payment) => new()
    {
        BankLineId = payment.BankLineId, AmountOre = payment.AmountOre, BookedOn = payment.BookedOn.ToProto(), Reference = payment.Reference,
    };
}
