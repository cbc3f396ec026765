using Partnerskab.Imports.BankStatements;
using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Cli.Finance;

/// <summary>
/// `partnerskab finance import-payments` and `partnerskab finance reconciliation`: a bank statement
/// recorded line by line (each bank line id once, so importing the same statement again changes
/// nothing), and the issuer's invoices matched to the payments, with what is wrong.
/// </summary>
public sealed class BankPayments(PaymentService.PaymentServiceClient client, TextWriter output, OutputFormat format = OutputFormat.Text)
{
    /// <summary>RecordPayments takes at most 10,000 lines a call.</summary>
    private const int LinesPerCall = 1_000;

    private static readonly TextTable.Column[] ImportColumns =
        [new("line", RightAligned: true), new("bank line id"), new("booked"), new("amount DKK", RightAligned: true), new("reference"), new("result")];

    private static readonly TextTable.Column[] InvoiceColumns =
    [
        new("invoice", RightAligned: true), new("due"), new("total DKK", RightAligned: true), new("credited DKK", RightAligned: true),
        new("paid DKK", RightAligned: true), new("outstanding DKK", RightAligned: true), new("status"), new("findings"), new("bank lines"),
    ];

    private static readonly TextTable.Column[] UnknownColumns =
        [new("bank line id"), new("booked"), new("amount DKK", RightAligned: true), new("reference")];

    /// <summary>
    /// Records the statement's credits (a CSV file or ISO 20022 camt.053 XML) when every one reads
    /// well; otherwise prints the problems and sends nothing. Returns the number of credits with problems.
    /// </summary>
    public async Task<int> ImportAsync(string issuerCvr, string statementPath, CancellationToken cancellationToken = default)
    {
        var statement = BankStatementFile.Read(await File.ReadAllBytesAsync(statementPath, cancellationToken));
        var lines = statement.Credits;
        var unit = statement.Format == BankStatementFormat.Csv ? "line" : "entry";
        var bad = lines.Where(l => l.StatementLine is null).ToList();
        if (bad.Count > 0)
        {
            foreach (var line in bad) output.WriteLine($"  {unit} {line.Number}: {string.Join("; ", line.Problems)}");
            output.WriteLine($"  {bad.Count} of {lines.Count} credit(s) cannot be read; nothing was recorded.");
            return bad.Count;
        }
        if (statement.EntriesSkipped > 0) output.WriteLine($"  {statement.EntriesSkipped} entry(ies) skipped: debits or not booked");

        var results = new List<RecordedPaymentLine>();
        foreach (var chunk in lines.Chunk(LinesPerCall))
        {
            var request = new RecordPaymentsRequest { IssuerCvr = issuerCvr, Lines = { chunk.Select(l => l.StatementLine) } };
            results.AddRange((await client.RecordPaymentsAsync(request, deadline: Deadline(), cancellationToken: cancellationToken)).Lines);
        }
        output.Write(ImportTable(lines, results));
        output.WriteLine($"  {results.Count(r => r.Result == PaymentLineResult.Recorded)} recorded, "
            + $"{results.Count(r => r.Result == PaymentLineResult.Unchanged)} recorded before (unchanged)");
        return 0;
    }

    /// <param name="asOf">Unset: today.</param>
    public async Task<GetReconciliationResponse> ReconcileAsync(string issuerCvr, Date? asOf, string? partnershipId, CancellationToken cancellationToken = default)
    {
        var request = new GetReconciliationRequest { IssuerCvr = issuerCvr, PartnershipId = partnershipId ?? "" };
        if (asOf is not null) request.AsOf = asOf;
        var response = await client.GetReconciliationAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);
        ReadOutput.Write(output, format, response, () => ReconciliationReport(response));
        return response;
    }

    public static string ImportTable(IReadOnlyList<BankStatementEntry> lines, IReadOnlyList<RecordedPaymentLine> results) =>
        TextTable.Format(ImportColumns, lines.Zip(results, (line, result) => (IReadOnlyList<string>)
        [
            line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), line.StatementLine!.BankLineId,
            FinanceDates.Text(line.StatementLine.BookedOn), TextTable.Kroner(line.StatementLine.AmountOre), line.StatementLine.Reference,
            result.Result == PaymentLineResult.Recorded ? "recorded" : "unchanged",
        ]));

    public static string ReconciliationReport(GetReconciliationResponse response)
    {
        var text = new System.Text.StringBuilder();
        text.Append(TextTable.Format(InvoiceColumns, response.Invoices.Select(i => (IReadOnlyList<string>)
        [
            i.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), FinanceDates.Text(i.DueDate), TextTable.Kroner(i.TotalAmountOre),
            TextTable.Kroner(i.CreditedOre), TextTable.Kroner(i.PaidOre), TextTable.Kroner(i.OutstandingOre), InvoiceDocuments.Status(i.Status),
            string.Join(", ", i.Findings.Select(Finding)), string.Join(", ", i.BankLineIds),
        ])));
        var findings = response.Invoices.SelectMany(i => i.Findings).ToLookup(f => f);
        text.Append($"  underpaid {findings[ReconciliationFinding.Underpaid].Count()}, overpaid {findings[ReconciliationFinding.Overpaid].Count()}, "
            + $"paid twice {findings[ReconciliationFinding.PaidTwice].Count()}, overdue {findings[ReconciliationFinding.Overdue].Count()}, "
            + $"unknown reference {response.UnknownReferences.Count}\n");
        if (response.UnknownReferences.Count > 0)
        {
            text.Append("  Payments whose reference names no invoice:\n");
            text.Append(TextTable.Format(UnknownColumns, response.UnknownReferences.Select(p => (IReadOnlyList<string>)
                [p.BankLineId, FinanceDates.Text(p.BookedOn), TextTable.Kroner(p.AmountOre), p.Reference])));
        }
        return text.ToString();
    }

    private static string Finding(ReconciliationFinding finding) => finding switch
    {
        ReconciliationFinding.Underpaid => "underpaid",
        ReconciliationFinding.Overpaid => "overpaid",
        ReconciliationFinding.PaidTwice => "paid twice",
        ReconciliationFinding.Overdue => "overdue",
        _ => "",
    };

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);
}
