using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using static Partnerskab.Tokens.SuiteRoles;
using Rpc = Partnerskab.Protos.Payment.V1.PaymentService.PaymentServiceBase;

namespace Partnerskab.Payment;

/// <summary>Who may call which payment RPC; the partnership scope is checked on top (see <see cref="AccessInterceptor"/>).</summary>
public static class PaymentAccess
{
    public static AccessPolicy Policy { get; } = new(PaymentService.Descriptor.FullName, new Dictionary<string, string[]>
    {
        [nameof(Rpc.SetRateCard)] = [Finance],
        [nameof(Rpc.ListRateCards)] = [Finance, Kommune, Provider, Committee, Investor],
        [nameof(Rpc.GetLedger)] = [Finance],
        [nameof(Rpc.ExplainLedgerItem)] = [Finance],
        [nameof(Rpc.ClosePeriod)] = [Finance],
        [nameof(Rpc.ReopenPeriod)] = [Finance],
        [nameof(Rpc.ListClosedPeriods)] = [Finance],
        [nameof(Rpc.GetPartnershipCost)] = [Finance, Kommune, Provider, Committee, Investor],
        [nameof(Rpc.RunInvoices)] = [Finance],
        [nameof(Rpc.ListInvoices)] = [Finance, Kommune, Provider],
        [nameof(Rpc.RecordPayments)] = [Finance],
        [nameof(Rpc.GetReconciliation)] = [Finance],
        [nameof(Rpc.ExportInvoiceXml)] = [Finance],
        [nameof(Rpc.RecordInvestorCashFlow)] = [Finance],
        [nameof(Rpc.ListInvestorCashFlows)] = [Finance],
        // The investor's and the committee's view: aggregates of the investor's money, nothing per citizen.
        [nameof(Rpc.GetInvestorPosition)] = [Finance, Committee, Investor],
        // The kommune decides what of the partnership is published.
        [nameof(Rpc.SetDisclosure)] = [Kommune],
        // Holds only what the kommune made public.
        [nameof(Rpc.ExportIndigoProject)] = [Finance, Kommune, Provider, Committee, Investor],
        [nameof(Rpc.ListAuditEntries)] = [Auditor],
    });

    /// <summary>Every write, and every read of citizen-level data: every call to them is in the audit log.</summary>
    public static AuditPolicy Audited { get; } = new(PaymentService.Descriptor.FullName,
    [
        nameof(Rpc.SetRateCard),
        // Invoice lines name their citizens by pseudonym, in the run's answer and in the e-invoice XML.
        nameof(Rpc.RunInvoices),
        nameof(Rpc.ExportInvoiceXml),
        nameof(Rpc.RecordPayments),
        nameof(Rpc.GetLedger),
        nameof(Rpc.ExplainLedgerItem),
        nameof(Rpc.ClosePeriod),
        nameof(Rpc.ReopenPeriod),
        nameof(Rpc.ListInvoices),
        nameof(Rpc.GetPartnershipCost),
        nameof(Rpc.RecordInvestorCashFlow),
        nameof(Rpc.SetDisclosure),
    ]);
}
