using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Cli.Finance;

/// <summary>
/// `partnerskab finance run-invoices` and `partnerskab finance export`: an invoice run for one
/// period, printed as a table, and every issued invoice and credit note of a partnership saved as
/// a Peppol BIS Billing 3.0 XML file ready for NemHandel.
/// </summary>
public sealed class InvoiceDocuments(PaymentService.PaymentServiceClient client, TextWriter output, OutputFormat format = OutputFormat.Text)
{
    private static readonly TextTable.Column[] Columns =
    [
        new("number", RightAligned: true), new("document"), new("payer"), new("issued"), new("due"), new("period"), new("credits", RightAligned: true),
        new("net DKK", RightAligned: true), new("VAT DKK", RightAligned: true), new("total DKK", RightAligned: true), new("status"),
        new("outstanding DKK", RightAligned: true),
    ];

    public async Task<RunInvoicesResponse> RunAsync(string partnershipId, Google.Type.Date periodStart, Google.Type.Date issueDate, bool preview,
        CancellationToken cancellationToken = default)
    {
        var response = await client.RunInvoicesAsync(new RunInvoicesRequest
        {
            PartnershipId = partnershipId, PeriodStart = periodStart, IssueDate = issueDate, Preview = preview,
        }, deadline: Deadline(), cancellationToken: cancellationToken);
        ReadOutput.Write(output, format, response, () =>
            (preview ? "  Preview: nothing was issued.\n" : response.Created ? "  Issued:\n" : "  This period was invoiced before; its documents:\n")
            + Table(response.Documents)
            + (response.Documents.Count == 0 ? "  Nothing to invoice for this period.\n" : ""));
        return response;
    }

    /// <summary>Writes each issued document of the partnership into <paramref name="directory"/>; returns the files written.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(string partnershipId, string directory, CancellationToken cancellationToken = default)
    {
        var documents = (await client.ListInvoicesAsync(new ListInvoicesRequest { PartnershipId = partnershipId },
            deadline: Deadline(), cancellationToken: cancellationToken)).Documents;
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var document in documents.Where(d => d.Status != InvoiceStatus.Draft))
        {
            var export = await client.ExportInvoiceXmlAsync(new ExportInvoiceXmlRequest { InvoiceId = document.InvoiceId },
                deadline: Deadline(), cancellationToken: cancellationToken);
            var path = Path.Combine(directory, export.FileName);
            await File.WriteAllBytesAsync(path, export.Xml.ToByteArray(), cancellationToken);
            written.Add(path);
        }
        output.Write(Table(documents));
        output.WriteLine($"  {written.Count} Peppol BIS Billing 3.0 file(s) written to {directory}");
        return written;
    }

    public static string Table(IEnumerable<Invoice> documents) => TextTable.Format(Columns, documents.Select(d => (IReadOnlyList<string>)
    [
        d.Number == 0 ? "draft" : d.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        d.Kind == DocumentKind.CreditNote ? "credit note" : "invoice",
        d.PayerId,
        FinanceDates.Text(d.IssueDate),
        d.Kind == DocumentKind.CreditNote ? "" : FinanceDates.Text(d.DueDate),
        $"{FinanceDates.Text(d.PeriodStart)}..{FinanceDates.Text(d.PeriodEnd)}",
        d.Kind == DocumentKind.CreditNote ? d.CreditedInvoiceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
        TextTable.Kroner(d.NetAmountOre),
        TextTable.Kroner(d.VatAmountOre),
        TextTable.Kroner(d.TotalAmountOre),
        Status(d.Status),
        d.Kind == DocumentKind.CreditNote ? "" : TextTable.Kroner(d.OutstandingOre),
    ]));

    public static string Status(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "draft",
        InvoiceStatus.Issued => "issued",
        InvoiceStatus.Paid => "paid",
        InvoiceStatus.PartlyPaid => "partly paid",
        InvoiceStatus.Overdue => "overdue",
        _ => "",
    };

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);
}
