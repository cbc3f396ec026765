using Grpc.Core;
using Partnerskab.Payment.Costs;
using Partnerskab.Payment.EInvoicing;
using Partnerskab.Payment.Indigo;
using Partnerskab.Payment.Investments;
using Partnerskab.Payment.Invoicing;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Periods;
using Partnerskab.Payment.Persistence;
using Partnerskab.Payment.RateCards;
using Partnerskab.Payment.Reconciliation;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Hosting;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Payment;

/// <summary>
/// The payment service's gRPC API: it only hands each call to its RPC's handler, which lives in
/// the feature folder beside that feature's rules and persistence.
/// </summary>
public sealed class PaymentGrpcService(IServiceProvider handlers) : PaymentService.PaymentServiceBase
{
    public override Task<SetRateCardResponse> SetRateCard(SetRateCardRequest request, ServerCallContext context) =>
        Handler<SetRateCardHandler>().HandleAsync(request, context);

    public override Task<ListRateCardsResponse> ListRateCards(ListRateCardsRequest request, ServerCallContext context) =>
        Handler<ListRateCardsHandler>().HandleAsync(request, context);

    public override Task<GetLedgerResponse> GetLedger(GetLedgerRequest request, ServerCallContext context) =>
        Handler<GetLedgerHandler>().HandleAsync(request, context);

    public override Task<ExplainLedgerItemResponse> ExplainLedgerItem(ExplainLedgerItemRequest request, ServerCallContext context) =>
        Handler<ExplainLedgerItemHandler>().HandleAsync(request, context);

    public override Task<ClosePeriodResponse> ClosePeriod(ClosePeriodRequest request, ServerCallContext context) =>
        Handler<ClosePeriodHandler>().HandleAsync(request, context);

    public override Task<ReopenPeriodResponse> ReopenPeriod(ReopenPeriodRequest request, ServerCallContext context) =>
        Handler<ReopenPeriodHandler>().HandleAsync(request, context);

    public override Task<ListClosedPeriodsResponse> ListClosedPeriods(ListClosedPeriodsRequest request, ServerCallContext context) =>
        Handler<ListClosedPeriodsHandler>().HandleAsync(request, context);

    public override Task<GetPartnershipCostResponse> GetPartnershipCost(GetPartnershipCostRequest request, ServerCallContext context) =>
        Handler<GetPartnershipCostHandler>().HandleAsync(request, context);

    public override Task<RunInvoicesResponse> RunInvoices(RunInvoicesRequest request, ServerCallContext context) =>
        Handler<RunInvoicesHandler>().HandleAsync(request, context);

    public override Task<ListInvoicesResponse> ListInvoices(ListInvoicesRequest request, ServerCallContext context) =>
        Handler<ListInvoicesHandler>().HandleAsync(request, context);

    public override Task<RecordPaymentsResponse> RecordPayments(RecordPaymentsRequest request, ServerCallContext context) =>
        Handler<RecordPaymentsHandler>().HandleAsync(request, context);

    public override Task<GetReconciliationResponse> GetReconciliation(GetReconciliationRequest request, ServerCallContext context) =>
        Handler<GetReconciliationHandler>().HandleAsync(request, context);

    public override Task<ExportInvoiceXmlResponse> ExportInvoiceXml(ExportInvoiceXmlRequest request, ServerCallContext context) =>
        Handler<ExportInvoiceXmlHandler>().HandleAsync(request, context);

    public override Task<RecordInvestorCashFlowResponse> RecordInvestorCashFlow(RecordInvestorCashFlowRequest request, ServerCallContext context) =>
        Handler<RecordInvestorCashFlowHandler>().HandleAsync(request, context);

    public override Task<ListInvestorCashFlowsResponse> ListInvestorCashFlows(ListInvestorCashFlowsRequest request, ServerCallContext context) =>
        Handler<ListInvestorCashFlowsHandler>().HandleAsync(request, context);

    public override Task<GetInvestorPositionResponse> GetInvestorPosition(GetInvestorPositionRequest request, ServerCallContext context) =>
        Handler<GetInvestorPositionHandler>().HandleAsync(request, context);

    public override Task<SetDisclosureResponse> SetDisclosure(SetDisclosureRequest request, ServerCallContext context) =>
        Handler<SetDisclosureHandler>().HandleAsync(request, context);

    public override Task<ExportIndigoProjectResponse> ExportIndigoProject(ExportIndigoProjectRequest request, ServerCallContext context) =>
        Handler<ExportIndigoProjectHandler>().HandleAsync(request, context);

    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        Handler<ListAuditEntriesHandler<PaymentDbContext>>().HandleAsync<ListAuditEntriesResponse>(request, context);

    private T Handler<T>() where T : notnull => handlers.GetRequiredService<T>();
}

public static class PaymentRpcHandlers
{
    /// <summary>The handler of every RPC, one per call (each holds the call's database context).</summary>
    public static IServiceCollection AddPaymentRpcHandlers(this IServiceCollection services) => services
        .AddScoped<SetRateCardHandler>()
        .AddScoped<ListRateCardsHandler>()
        .AddScoped<GetLedgerHandler>()
        .AddScoped<ExplainLedgerItemHandler>()
        .AddScoped<ClosePeriodHandler>()
        .AddScoped<ReopenPeriodHandler>()
        .AddScoped<ListClosedPeriodsHandler>()
        .AddScoped<GetPartnershipCostHandler>()
        .AddScoped<RunInvoicesHandler>()
        .AddScoped<ListInvoicesHandler>()
        .AddScoped<RecordPaymentsHandler>()
        .AddScoped<GetReconciliationHandler>()
        .AddScoped<ExportInvoiceXmlHandler>()
        .AddScoped<RecordInvestorCashFlowHandler>()
        .AddScoped<ListInvestorCashFlowsHandler>()
        .AddScoped<GetInvestorPositionHandler>()
        .AddScoped<SetDisclosureHandler>()
        .AddScoped<ExportIndigoProjectHandler>()
        .AddScoped<ListAuditEntriesHandler<PaymentDbContext>>()
        .AddScoped<IWarmUp, PaymentWarmUp>();
}
