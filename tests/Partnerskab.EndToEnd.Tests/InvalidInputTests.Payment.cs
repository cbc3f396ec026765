using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;

namespace Partnerskab.EndToEnd.Tests;

public sealed partial class InvalidInputTests
{
    private static readonly Case[] PaymentCases =
    [
        new("payment.SetRateCard", c => c.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = SomeId,
            HandoverFeeOre = -1,
            MilestonePrices =
            {
                new Protos.Payment.V1.MilestonePrice { MilestoneCode = "JOB_START", AmountOre = long.MaxValue },
                new Protos.Payment.V1.MilestonePrice { MilestoneCode = "JOB_START", AmountOre = 1 },
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
        new("payment.ListRateCards", c => c.Payment.ListRateCardsAsync(new ListRateCardsRequest { PartnershipId = "" },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("payment.GetLedger", c => c.Payment.GetLedgerAsync(new GetLedgerRequest { PartnershipId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id"]),
        new("payment.RunInvoices", c => c.Payment.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = NotAnId, PeriodStart = ThinSlice.Day(2023, 4, 15),
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "period_start", "issue_date"]),
        new("payment.ListInvoices", c => c.Payment.ListInvoicesAsync(new ListInvoicesRequest
        {
            PartnershipId = "", AsOf = new Google.Type.Date { Year = 2023, Month = 2, Day = 29 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of"]),
        new("payment.RecordPayments", c => c.Payment.RecordPaymentsAsync(new RecordPaymentsRequest
        {
            IssuerCvr = "1234567",
            Lines =
            {
                new BankStatementLine { BankLineId = "L1", AmountOre = 100, BookedOn = ThinSlice.Day(2023, 7, 20), Reference = "Faktura 1" },
                new BankStatementLine { BankLineId = "L1", AmountOre = 0, Reference = "Faktura 2" },
            },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["issuer_cvr", "lines[1].bank_line_id", "lines[1].amount_ore", "lines[1].booked_on"]),
        new("payment.GetReconciliation", c => c.Payment.GetReconciliationAsync(new GetReconciliationRequest
        {
            IssuerCvr = "", PartnershipId = NotAnId,
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["issuer_cvr", "partnership_id"]),
        new("payment.GetPartnershipCost", c => c.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest
        {
            AsOf = new Google.Type.Date { Year = 2023, Month = 13, Day = 1 },
        }, deadline: SuiteClients.Deadline()).ResponseAsync, ["partnership_id", "as_of"]),
        new("payment.ExportInvoiceXml", c => c.Payment.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = NotAnId },
            deadline: SuiteClients.Deadline()).ResponseAsync, ["invoice_id"]),
        new("payment.ListAuditEntries", c => c.Payment.ListAuditEntriesAsync(BadAuditQuery<Protos.Payment.V1.ListAuditEntriesRequest>(),
            deadline: SuiteClients.Deadline()).ResponseAsync, BadAuditQueryFields),
    ];
}
