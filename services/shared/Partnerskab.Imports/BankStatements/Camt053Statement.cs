using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Imports.BankStatements;

/// <summary>
/// Reads an ISO 20022 bank-to-customer statement (camt.053, versions 001.02 and later), as Danish
/// banks deliver the account's statement: every booked credit entry (Ntry with CdtDbtInd CRDT and
/// status BOOK) is a payment received. Its amount (Amt, in DKK), booking date (BookgDt/Dt, or the
/// day of BookgDt/DtTm), the bank's reference of the entry (AcctSvcrRef, else NtryRef) as the bank
/// line id, and the remittance text (RmtInf/Ustrd, else the structured creditor reference
/// RmtInf/Strd/CdtrRefInf/Ref, else AddtlNtryInf) as the reference. An entry that batches several
/// transactions (NtryDtls with more than one TxDtls, each with its own amount) gives one payment
/// per transaction, identified by the transaction's AcctSvcrRef or "{entry id}/{n}". Debits and
/// entries not yet booked are skipped, not refused.
/// </summary>
public static class Camt053Statement
{
    private const string NamespacePrefix = "urn:iso:std:iso:20022:tech:xsd:camt.053.";

    /// <summary>The credits, numbered by their entry's place among the statement's entries (1 for the first), and how many entries were skipped.</summary>
    public sealed record Result(IReadOnlyList<BankStatementEntry> Credits, int EntriesSkipped);

    public static bool IsCamt053(XDocument document) =>
        document.Root is { Name.LocalName: "Document" } root && root.Name.NamespaceName.StartsWith(NamespacePrefix, StringComparison.Ordinal);

    /// <exception cref="FormatException">The text is not XML, or not a camt.053 document.</exception>
    public static Result Parse(Stream xml)
    {
        XDocument document;
        try
        {
            // No DTD: a statement has none, and entities could make a small upload huge.
            using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new FormatException($"the statement is not well-formed XML: {e.Message}", e);
        }
        if (!IsCamt053(document))
        {
            throw new FormatException($"the XML is not an ISO 20022 camt.053 statement (its root is {document.Root?.Name})");
        }
        XNamespace ns = document.Root!.Name.Namespace;
        var entries = document.Root.Elements(ns + "BkToCstmrStmt").Elements(ns + "Stmt").Elements(ns + "Ntry").ToList();
        var credits = new List<BankStatementEntry>();
        var skipped = 0;
        foreach (var (entry, index) in entries.Select((e, i) => (e, i + 1)))
        {
            if (Text(entry, ns, "CdtDbtInd") != "CRDT" || Status(entry, ns) != "BOOK")
            {
                skipped++;
                continue;
            }
            credits.AddRange(Credits(entry, ns, index));
        }
        return new Result(credits, skipped);
    }

    private static IEnumerable<BankStatementEntry> Credits(XElement entry, XNamespace ns, int number)
    {
        var entryId = Text(entry, ns, "AcctSvcrRef") ?? Text(entry, ns, "NtryRef") ?? "";
        var bookedOn = BookingDate(entry, ns);
        var transactions = entry.Elements(ns + "NtryDtls").Elements(ns + "TxDtls").ToList();
        if (transactions.Count <= 1)
        {
            yield return Credit(number, entryId, entry.Element(ns + "Amt"), bookedOn, Reference(entry, transactions.SingleOrDefault(), ns));
            yield break;
        }
        foreach (var (transaction, n) in transactions.Select((t, i) => (t, i + 1)))
        {
            var id = transaction.Element(ns + "Refs")?.Element(ns + "AcctSvcrRef")?.Value.Trim() is { Length: > 0 } own
                ? own
                : entryId.Length > 0 ? $"{entryId}/{n}" : "";
            var amount = transaction.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt") ?? transaction.Element(ns + "Amt");
            yield return Credit(number, id, amount, bookedOn, Reference(entry, transaction, ns));
        }
    }

    private static BankStatementEntry Credit(int number, string bankLineId, XElement? amount, Google.Type.Date? bookedOn, string reference)
    {
        var problems = new List<string>();
        if (bankLineId.Length == 0) problems.Add("AcctSvcrRef: the entry has no bank reference (AcctSvcrRef or NtryRef)");
        var ore = Ore(amount, problems);
        if (bookedOn is null) problems.Add("BookgDt: the entry has no booking date");
        return problems.Count > 0
            ? new BankStatementEntry(number, null, problems)
            : new BankStatementEntry(number, new BankStatementLine { BankLineId = bankLineId, AmountOre = ore, BookedOn = bookedOn, Reference = reference }, []);
    }

    /// <summary>An amount in DKK with at most two decimals, in whole øre.</summary>
    private static long Ore(XElement? amount, List<string> problems)
    {
        if (amount is null)
        {
            problems.Add("Amt: the entry has no amount");
            return 0;
        }
        var currency = amount.Attribute("Ccy")?.Value;
        if (currency != "DKK") problems.Add($"Amt: the currency is '{currency}', not DKK");
        if (!decimal.TryParse(amount.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var kroner)
            || kroner <= 0 || decimal.Round(kroner, 2) != kroner || kroner >= 10_000_000_000_000m)
        {
            problems.Add($"Amt: '{amount.Value}' is not a positive amount with at most two decimals");
            return 0;
        }
        return (long)(kroner * 100);
    }

    private static Google.Type.Date? BookingDate(XElement entry, XNamespace ns)
    {
        var booking = entry.Element(ns + "BookgDt");
        var text = booking?.Element(ns + "Dt")?.Value ?? booking?.Element(ns + "DtTm")?.Value;
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day }
            : null;
    }

    private static string Reference(XElement entry, XElement? transaction, XNamespace ns)
    {
        var remittance = transaction?.Element(ns + "RmtInf");
        var unstructured = string.Join(" ", remittance?.Elements(ns + "Ustrd").Select(u => u.Value.Trim()).Where(u => u.Length > 0) ?? []);
        if (unstructured.Length > 0) return unstructured;
        var structured = remittance?.Elements(ns + "Strd").Elements(ns + "CdtrRefInf").Elements(ns + "Ref").Select(r => r.Value.Trim()).FirstOrDefault(r => r.Length > 0);
        return structured ?? Text(entry, ns, "AddtlNtryInf") ?? "";
    }

    /// <summary>Sts is a code in 001.02 to 001.07 and holds one (Sts/Cd) from 001.08 on.</summary>
    private static string? Status(XElement entry, XNamespace ns) =>
        entry.Element(ns + "Sts") is { } status ? (status.Element(ns + "Cd")?.Value ?? status.Value).Trim() : null;

    private static string? Text(XElement element, XNamespace ns, string name) =>
        element.Element(ns + name)?.Value.Trim() is { Length: > 0 } text ? text : null;
}
