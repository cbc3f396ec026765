using Google.Protobuf.Reflection;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;
using Partnerskab.Testing.InProcess;
using Partnerskab.Testing.Rpcs;
using static Partnerskab.Testing.Rpcs.AllowedRoles;
using static Partnerskab.Testing.Rpcs.InvalidInput;

namespace Partnerskab.Payment.Tests.InProcess;

/// <summary>The payment service's RPCs: an invalid-input case and the roles allowed for each.</summary>
public sealed class PaymentRpcs : IServiceRpcs<PaymentService.PaymentServiceClient>
{
    public static ServiceDescriptor Service => PaymentService.Descriptor;

    public static IReadOnlyList<RpcCase<InProcessClient<PaymentService.PaymentServiceClient>>> Cases { get; } =
    [
        new("payment.SetRateCard", c => c.Client.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = SomeId,
            HandoverFeeOre = -1,
            MilestonePrices =
            {
                new MilestonePrice { MilestoneCode = "JOB_START", AmountOre = long.MaxValue },
                new MilestonePrice { MilestoneCode = "JOB_START", AmountOre = 1 },
            },
            DeliverableFees = { new DeliverableFee { DeliverableKind = "teaching day", AmountOrePerUnit = 1 } },
            PeriodicFees = { new PeriodicFee { Code = "MANAGEMENT", AmountOre = 1 } },
            Caps = new Caps { PerCitizenOre = 0, ContractOre = -5 },
            VatRateBasisPoints = 10_001,
            InvoicingPeriod = (BillingInterval)7,
            Budgets = { new YearBudget { Year = 2023, AmountOre = 1 }, new YearBudget { Year = 2023, AmountOre = 2 } },
            PayeeAccount = new PayeeAccount { BankRegistrationNumber = "12", AccountNumber = "12345678901" },
        }, deadline: SuiteClients.Deadline()).ResponseAsync,
            ["effective_from", "handover_fee_ore", "milestone_prices[0].amount_ore", "milestone_prices[1].milestone_code",
             "deliverable_fees[0].deliverable_kind", "periodic_fees[0].interval", "caps.contract_ore", "vat_rate_basis_points",
             "invoicing_period", "budgets[1].year", "payee_account.bank_registration_number", "payee_account.account_number"]),
        new("payment.ListRateCards", c => c.Client.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = "" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("payment.GetLedger", c => c.Client.GetLedgerAsync(new GetLedgerRequest
        {
            PartnershipId = NotAnId, KnownOn = new Google.Type.Date { Year = 2023, Month = 2, Day = 29 }, PageSize = 1001, PageToken = "not-a-token",
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "known_on", "page_size", "page_token"]),
        new("payment.ExplainLedgerItem", c => c.Client.ExplainLedgerItemAsync(new ExplainLedgerItemRequest { PartnershipId = NotAnId, ItemId = "" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "item_id"]),
        new("payment.ClosePeriod", c => c.Client.ClosePeriodAsync(new ClosePeriodRequest
        {
            PartnershipId = "", PeriodStart = new Google.Type.Date { Year = 2023, Month = 4, Day = 31 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "period_start"]),
        new("payment.ReopenPeriod", c => c.Client.ReopenPeriodAsync(new ReopenPeriodRequest { PartnershipId = NotAnId, Year = 2023, Reason = " " },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "reason"]),
        new("payment.ListClosedPeriods", c => c.Client.ListClosedPeriodsAsync(new ListClosedPeriodsRequest { PartnershipId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("payment.RunInvoices", c => c.Client.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = NotAnId, PeriodStart = ThinSlice.Day(2023, 4, 15),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "period_start", "issue_date"]),
        new("payment.ListInvoices", c => c.Client.ListInvoicesAsync(new ListInvoicesRequest
        {
            PartnershipId = "", AsOf = new Google.Type.Date { Year = 2023, Month = 2, Day = 29 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of"]),
        new("payment.RecordPayments", c => c.Client.RecordPaymentsAsync(new RecordPaymentsRequest
        {
            IssuerCvr = "1234567",
            Lines =
            {
                new BankStatementLine { BankLineId = "L1", AmountOre = 100, BookedOn = ThinSlice.Day(2023, 7, 20), Reference = "Faktura 1" },
                new BankStatementLine { BankLineId = "L1", AmountOre = 0, Reference = "Faktura 2" },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["issuer_cvr", "lines[1].bank_line_id", "lines[1].amount_ore", "lines[1].booked_on"]),
        new("payment.GetReconciliation", c => c.Client.GetReconciliationAsync(new GetReconciliationRequest
        {
            IssuerCvr = "", PartnershipId = NotAnId,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["issuer_cvr", "partnership_id"]),
        new("payment.GetPartnershipCost", c => c.Client.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            AsOf = new Google.Type.Date { Year = 2023, Month = 13, Day = 1 }, KnownOn = new Google.Type.Date { Year = 2023, Month = 0, Day = 1 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of", "known_on"]),
        new("payment.ExportInvoiceXml", c => c.Client.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["invoice_id"]),
        new("payment.RecordInvestorCashFlow", c => c.Client.RecordInvestorCashFlowAsync(new RecordInvestorCashFlowRequest
        {
            PartnershipId = NotAnId, Kind = (InvestorCashFlowKind)9, OccurredOn = new Google.Type.Date { Year = 2023, Month = 2, Day = 30 }, AmountOre = 0, Reference = " ",
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "kind", "occurred_on", "amount_ore", "reference"]),
        new("payment.ListInvestorCashFlows", c => c.Client.ListInvestorCashFlowsAsync(new ListInvestorCashFlowsRequest
        {
            PartnershipId = "", AsOf = new Google.Type.Date { Year = 2023, Month = 13, Day = 1 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of"]),
        new("payment.GetInvestorPosition", c => c.Client.GetInvestorPositionAsync(new GetInvestorPositionRequest
        {
            PartnershipId = NotAnId, AsOf = new Google.Type.Date { Year = 2023, Month = 4, Day = 31 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of"]),
        new("payment.SetDisclosure", c => c.Client.SetDisclosureAsync(new SetDisclosureRequest
        {
            PartnershipId = NotAnId,
            Fields =
            {
                new FieldDisclosure { Field = IndigoField.Unspecified, Disclosure = (Disclosure)9 },
                new FieldDisclosure { Field = IndigoField.Name, Disclosure = Disclosure.Public },
                new FieldDisclosure { Field = IndigoField.Name, Disclosure = Disclosure.Private },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "fields[0].field", "fields[0].disclosure", "fields[2].field"]),
        new("payment.ExportIndigoProject", c => c.Client.ExportIndigoProjectAsync(new ExportIndigoProjectRequest
        {
            PartnershipId = "", AsOf = new Google.Type.Date { Year = 0, Month = 1, Day = 1 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of"]),
        new("payment.ListAuditEntries", c => c.Client.ListAuditEntriesAsync(BadAuditQuery<ListAuditEntriesRequest>(),
            deadline: SuiteClients.Deadline()).ResponseAsync, BadAuditQueryFields),
    ];

    public static IReadOnlyDictionary<string, string> RolesAllowed { get; } = new Dictionary<string, string>
    {
        ["payment.SetRateCard"] = "finance",
        ["payment.ListRateCards"] = Aggregate,
        ["payment.GetLedger"] = "finance",
        ["payment.ExplainLedgerItem"] = "finance",
        ["payment.ClosePeriod"] = "finance",
        ["payment.ReopenPeriod"] = "finance",
        ["payment.ListClosedPeriods"] = "finance",
        ["payment.GetPartnershipCost"] = Aggregate,
        ["payment.RunInvoices"] = "finance",
        ["payment.ListInvoices"] = "kommune provider finance",
        ["payment.RecordPayments"] = "finance",
        ["payment.GetReconciliation"] = "finance",
        ["payment.ExportInvoiceXml"] = "finance",
        ["payment.RecordInvestorCashFlow"] = "finance",
        ["payment.ListInvestorCashFlows"] = "finance",
        ["payment.GetInvestorPosition"] = "finance committee investor",
        ["payment.SetDisclosure"] = "kommune",
        ["payment.ExportIndigoProject"] = Aggregate,
        ["payment.ListAuditEntries"] = "auditor",
    };
}

/// <summary>Every RPC of the payment service against invalid input, each outside role, no token and hostile input.</summary>
[Collection(PaymentServiceCollection.Name)]
public sealed class PaymentRpcTests(PaymentHost payment, Xunit.Abstractions.ITestOutputHelper output)
    : RpcRulesTests<PaymentGrpcService, PaymentService.PaymentServiceClient, PaymentRpcs>(payment, output);
