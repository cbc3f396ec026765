using System.CommandLine;
using Partnerskab.Cli.CommandLine;
using Partnerskab.Cli.Ops;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Finance;

/// <summary>`partnerskab finance ...`: invoices, e-invoices, the bank statement, reconciliation and the cost report.</summary>
public static class FinanceCommands
{
    public static Command Create(CliConsole cli)
    {
        var partnership = CliOptions.Required("--partnership", "The partnership's id.");
        var issuer = CliOptions.Required("--issuer", "The provider's CVR number, whose invoices and bank account these are.");
        var asOf = CliOptions.Day("--as-of", "The day to report as of, YYYY-MM-DD (default: today in Copenhagen).");
        var calls = new UnaryCommands(cli, CliOptions.PaymentUrl);
        var id = new RequestField("--partnership", "partnership_id", "The partnership's id.");
        return new Command("finance", "Rate cards, the ledger, invoice runs, Peppol e-invoices, bank statements, reconciliation and the cost report.")
        {
            RunInvoices(cli, partnership), Export(cli, partnership), ImportPayments(cli, issuer), Reconciliation(cli, issuer, asOf),
            Cost(cli, partnership, asOf),
            new Command("rate-card", "The prices of the partnership's milestones, fees and deliverables, by the day they take effect.")
            {
                calls.Create<SetRateCardRequest, SetRateCardResponse>("set", "Sets a rate card version from --request.",
                    (c, r, o) => Client(c).SetRateCardAsync(r, o), fromFile: true, id with { Required = false }),
                calls.Read<ListRateCardsRequest, ListRateCardsResponse>("list", "Every version.", (c, r, o) => Client(c).ListRateCardsAsync(r, o),
                    RateCardsView.Report, fromFile: false, id),
            },
            calls.Read<GetLedgerRequest, GetLedgerResponse>("ledger", "The partnership's ledger: every item earned, priced, capped or credited, all pages.",
                (c, r, o) => Client(c).GetWholeLedgerAsync(r, o), LedgerView.Report, fromFile: false, id,
                new("--as-of", "as_of", "Only the items earned by this day, YYYY-MM-DD.", Required: false),
                new("--known-on", "known_on", "Only the items recorded by the end of this day, YYYY-MM-DD (default: now).", Required: false)),
            calls.Create<ExplainLedgerItemRequest, ExplainLedgerItemResponse>("explain", "Why a ledger item is there: what it credits, its milestone, "
                + "the fact that revoked it and when that was known, the documents it is on and the period it was booked in.",
                (c, r, o) => Client(c).ExplainLedgerItemAsync(r, o), fromFile: false, id, new("--item", "item_id", "The ledger item's id.")),
            calls.Create<ClosePeriodRequest, ClosePeriodResponse>("close-period", "Closes an invoiced period (--period-start) or a calendar year (--year): "
                + "its documents and booked figures never change; corrections are booked in the first open period.",
                (c, r, o) => Client(c).ClosePeriodAsync(r, o), fromFile: false, id, PeriodStart, Year),
            calls.Create<ReopenPeriodRequest, ReopenPeriodResponse>("reopen-period", "Reopens a closed period or year, for a reason (audited); "
                + "refused once the following period is closed.",
                (c, r, o) => Client(c).ReopenPeriodAsync(r, o), fromFile: false, id, PeriodStart, Year, new("--reason", "reason", "Why it is reopened.")),
            calls.Read<ListInvoicesRequest, ListInvoicesResponse>("invoices", "The partnership's invoices and credit notes (their lines with --output json).",
                (c, r, o) => Client(c).ListInvoicesAsync(r, o), a => InvoiceDocuments.Table(a.Documents), fromFile: false, id,
                new("--as-of", "as_of", "Their state as of this day, YYYY-MM-DD.", Required: false)),
            new Command("investor", "The investor's capital: commitments, drawdowns, repayments and returns, and its position.")
            {
                calls.Create<RecordInvestorCashFlowRequest, RecordInvestorCashFlowResponse>("record", "Records a dated cash flow once per reference (audited); "
                    + "never changed afterwards: a correction is a cash flow of its own.",
                    (c, r, o) => Client(c).RecordInvestorCashFlowAsync(r, o), fromFile: false, id,
                    new("--kind", "kind", "commitment, drawdown (paid to the provider), repayment (of capital) or return (beyond the capital)."),
                    new("--on", "occurred_on", "The day the money moved, YYYY-MM-DD."),
                    new("--amount-ore", "amount_ore", "The amount in øre, positive."),
                    new("--reference", "reference", "Finance's reference of the movement, unique in the partnership."),
                    new("--note", "note", "A note.", Required: false)),
                calls.Read<ListInvestorCashFlowsRequest, ListInvestorCashFlowsResponse>("list", "The cash flows in date order.",
                    (c, r, o) => Client(c).ListInvestorCashFlowsAsync(r, o), InvestorView.CashFlows, fromFile: false, id,
                    new("--as-of", "as_of", "Only those dated by this day, YYYY-MM-DD.", Required: false)),
                calls.Read<GetInvestorPositionRequest, GetInvestorPositionResponse>("position", "Capital committed, drawn, repaid and outstanding, "
                    + "returns, the realised multiple and the internal rate of return (XIRR) as of a day.",
                    (c, r, o) => Client(c).GetInvestorPositionAsync(r, o), InvestorView.Position, fromFile: false, id,
                    new("--as-of", "as_of", "The day, YYYY-MM-DD (default: today in Copenhagen).", Required: false)),
            },
            new Command("indigo", "The partnership as an INDIGO project record: only what the kommune made public.")
            {
                calls.Create<SetDisclosureRequest, SetDisclosureResponse>("disclose", "Sets fields public, private or disputed (the kommune; audited) from "
                    + "--request, e.g. {\"fields\": [{\"field\": \"INDIGO_FIELD_OUTCOME_PRICINGS\", \"disclosure\": \"DISCLOSURE_PUBLIC\"}]}.",
                    (c, r, o) => Client(c).SetDisclosureAsync(r, o), fromFile: true, id),
                calls.Read<ExportIndigoProjectRequest, ExportIndigoProjectResponse>("export", "The INDIGO project record as JSON.",
                    (c, r, o) => Client(c).ExportIndigoProjectAsync(r, o), a => a.RecordJson + "\n", fromFile: false, id,
                    new("--as-of", "as_of", "Figures as of this day, YYYY-MM-DD (default: today in Copenhagen).", Required: false)),
            },
            calls.Read<ListAuditEntriesRequest, ListAuditEntriesResponse>("audit", "The payment service's audit log; --request holds the filter.",
                (c, r, o) => Client(c).ListAuditEntriesAsync(r, o), a => AuditView.Report(a.Entries, a.NextPageToken), fromFile: true),
        };
    }

    private static readonly RequestField PeriodStart = new("--period-start", "period_start",
        "The first day of the invoicing period, YYYY-MM-DD (or --year).", Required: false);

    private static readonly RequestField Year = new("--year", "year", "A calendar year (or --period-start).", Required: false);

    private static PaymentService.PaymentServiceClient Client(Grpc.Core.CallInvoker invoker) => new(invoker);

    private static Command RunInvoices(CliConsole cli, Option<string> partnership)
    {
        var periodStart = CliOptions.Day("--period-start", "The first day of the period to invoice (a month or quarter, as the rate card says).", required: true);
        var issueDate = CliOptions.Day("--issue-date", "The invoices' issue date.", required: true);
        var preview = new Option<bool>("--preview") { Description = "Show what would be issued; issue nothing." };
        var command = new Command("run-invoices", "Invoices the period and prints the invoices and credit notes.")
        {
            partnership, periodStart, issueDate, preview, CliOptions.Output,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.PaymentUrl);
            await new InvoiceDocuments(new PaymentService.PaymentServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .RunAsync(result.GetValue(partnership)!, result.GetValue(periodStart)!, result.GetValue(issueDate)!, result.GetValue(preview), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Export(CliConsole cli, Option<string> partnership)
    {
        var directory = CliOptions.Required("--dir", "The directory the XML files are written to.");
        var command = new Command("export", "Saves every issued invoice and credit note as Peppol BIS Billing 3.0 XML "
            + "(invoice-<CVR>-<number>.xml, creditnote-<CVR>-<number>.xml) for NemHandel.") { partnership, directory };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.PaymentUrl);
            await new InvoiceDocuments(new PaymentService.PaymentServiceClient(channel.Invoker), cli.Output)
                .ExportAsync(result.GetValue(partnership)!, result.GetValue(directory)!, cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command ImportPayments(CliConsole cli, Option<string> issuer)
    {
        var file = CliOptions.Required("--file", "The bank statement: ISO 20022 camt.053 XML as the bank delivers it, or a CSV with a header line "
            + "naming bank_line_id, booked_on (YYYY-MM-DD), amount (kroner, 186250.00 or 186250,00) and reference (e.g. \"Faktura 17\").");
        var command = new Command("import-payments", "Records the statement's credit lines; each bank line once, so importing the same statement "
            + "again changes nothing. If any line cannot be read, nothing is recorded and the exit code is 1.") { issuer, file };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.PaymentUrl);
            var unreadable = await new BankPayments(new PaymentService.PaymentServiceClient(channel.Invoker), cli.Output)
                .ImportAsync(result.GetValue(issuer)!, result.GetValue(file)!, cancellationToken);
            return unreadable > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Reconciliation(CliConsole cli, Option<string> issuer, Option<Google.Type.Date> asOf)
    {
        var partnership = CliOptions.Optional("--partnership", "Only this partnership's invoices.");
        var command = new Command("reconciliation", "The issuer's invoices as of a day with what is wrong (underpaid, overpaid, paid twice, "
            + "overdue), and payments whose reference names no invoice.") { issuer, asOf, partnership, CliOptions.Output };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.PaymentUrl);
            await new BankPayments(new PaymentService.PaymentServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ReconcileAsync(result.GetValue(issuer)!, result.GetValue(asOf), result.GetValue(partnership), cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Cost(CliConsole cli, Option<string> partnership, Option<Google.Type.Date> asOf)
    {
        var excludingVat = new Option<bool>("--excluding-vat") { Description = "Amounts without VAT." };
        var knownOn = CliOptions.Day("--known-on", "The report as the service knew it at the end of this day, YYYY-MM-DD (default: now).");
        var payer = new Option<string>("--payer") { Description = "One payer's report (a payer id of the rate card); default: the partnership in total, with each payer's totals." };
        var command = new Command("cost", "The partnership's cost per calendar year as of a day: paid, invoiced unpaid, earned not invoiced, "
            + "expected, budget, share spent, expected difference; and earned as corrected where a correction moved money between years.")
        {
            partnership, asOf, knownOn, excludingVat, payer, CliOptions.Output,
        };
        cli.Action(command, async (result, cancellationToken) =>
        {
            using var channel = CliOptions.Channel(result, CliOptions.PaymentUrl);
            await new PartnershipCost(new PaymentService.PaymentServiceClient(channel.Invoker), cli.Output, result.GetValue(CliOptions.Output))
                .ShowAsync(result.GetValue(partnership)!, result.GetValue(asOf), result.GetValue(excludingVat), cancellationToken, result.GetValue(knownOn),
                    result.GetValue(payer));
            return 0;
        });
        return command;
    }
}
