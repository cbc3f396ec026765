using Grpc.Core;
using NodaTime;
using Partnerskab.Payment.Persistence;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Reconciliation;

/// <summary>An issuer's invoices with the payments matched to them and what is wrong, and the payments that name no invoice, as of a date.</summary>
public sealed class GetReconciliationHandler(PaymentDbContext db, IClock clock)
{
    public async Task<GetReconciliationResponse> HandleAsync(GetReconciliationRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var issuerCvr = request.IssuerCvr.Trim();
        v.Digits(issuerCvr, "issuer_cvr", 8);
        var asOf = request.AsOf is null ? clock.Today() : v.Date(request.AsOf, "as_of");
        Guid? partnershipId = request.PartnershipId.Length == 0 ? null : v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();
        context.Caller().EnsureActsForOrganisation(issuerCvr);

        var report = await IssuerReconciliation.ReadAsync(db, [issuerCvr], asOf, context.CancellationToken);
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

    private static BankStatementLine ToProto(BankPayment payment) => new()
    {
        BankLineId = payment.BankLineId, AmountOre = payment.AmountOre, BookedOn = payment.BookedOn.ToProto(), Reference = payment.Reference,
    };
}
