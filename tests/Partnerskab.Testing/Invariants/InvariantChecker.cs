using static Partnerskab.Testing.Invariants.SuiteSnapshot;

namespace Partnerskab.Testing.Invariants;

/// <summary>
/// The invariants that say no event was lost or counted twice, checked over a
/// <see cref="SuiteSnapshot"/> of the whole suite:
/// <list type="bullet">
/// <item>every citizen handed over is known to the outcome service (its follow-up) and to the
/// payment service (exactly one handover fee), and payment knows no citizen cohort does not;</item>
/// <item>every achieved milestone has exactly one ledger item, and every milestone item rests on an achieved milestone;</item>
/// <item>every revoked milestone has exactly one credit, and every milestone credit rests on a revoked milestone;</item>
/// <item>no ledger cause is booked twice for a payer, each has exactly one lead item, and no item is credited twice or
/// by a credit of nothing that exists;</item>
/// <item>per payer: its items sum to what the day totals hold for it (when the snapshot holds them), and every line of
/// its documents is one of its items (so, with the line and totals checks, its documents sum to its share of the ledger);</item>
/// <item>every issued document's net amount is the sum of its lines and its total net plus VAT; every line is its
/// item's amount (a credit note's lines the credits' amounts, positive), and a credit note credits only items of the
/// invoice it names;</item>
/// <item>each issuer's documents are numbered 1, 2, 3 ... without a gap or a number twice, and no ledger item is on
/// more than one document;</item>
/// <item>every credit names the event that caused it;</item>
/// <item>nothing is added to a closed period after it was closed: no ledger item booked on its days, no document of it;</item>
/// <item>no outbox row older than the relay's retry horizon is unsent;</item>
/// <item>no message sits in an error queue unless the caller explains it.</item>
/// </list>
/// </summary>
public static class InvariantChecker
{
    public static IReadOnlyList<Violation> Check(SuiteSnapshot snapshot, DateTimeOffset now, TimeSpan retryHorizon,
        IReadOnlyDictionary<Guid, string>? explainedErrors = null)
    {
        var violations = new List<Violation>();
        CheckCitizens(snapshot, violations);
        CheckMilestones(snapshot, violations);
        CheckCauses(snapshot, violations);
        CheckPayers(snapshot, violations);
        CheckDocuments(snapshot, violations);
        CheckNumbering(snapshot, violations);
        CheckClosedPeriods(snapshot, violations);
        CheckOutbox(snapshot, now, retryHorizon, violations);
        CheckErrorQueues(snapshot, explainedErrors ?? new Dictionary<Guid, string>(), violations);
        return violations;
    }

    private static void CheckCitizens(SuiteSnapshot snapshot, List<Violation> violations)
    {
        var followUps = snapshot.OutcomeFollowUps.ToHashSet();
        var fees = snapshot.Ledger.Where(i => i is { Kind: HandoverFeeKind, Lead: true })
            .GroupBy(i => new CitizenKey(i.PartnershipId, i.CitizenId ?? ""))
            .ToDictionary(g => g.Key, g => g.Count());
        var cohort = snapshot.CohortCitizens.Select(c => new CitizenKey(c.PartnershipId, c.CitizenId)).ToHashSet();
        foreach (var citizen in cohort)
        {
            if (!followUps.Contains(citizen))
            {
                violations.Add(new("handed-over citizen unknown to outcome", $"citizen {citizen.CitizenId} of partnership {citizen.PartnershipId}"));
            }
            var count = fees.GetValueOrDefault(citizen);
            if (count != 1)
            {
                violations.Add(new("handed-over citizen without exactly one handover fee",
                    $"citizen {citizen.CitizenId} of partnership {citizen.PartnershipId} has {count}"));
            }
        }
        foreach (var unknown in followUps.Where(f => !cohort.Contains(f)))
        {
            violations.Add(new("outcome follows a citizen cohort never handed over", $"citizen {unknown.CitizenId} of partnership {unknown.PartnershipId}"));
        }
        foreach (var unknown in fees.Keys.Where(f => !cohort.Contains(f)))
        {
            violations.Add(new("handover fee for a citizen cohort never handed over", $"citizen {unknown.CitizenId} of partnership {unknown.PartnershipId}"));
        }
    }

    private static void CheckMilestones(SuiteSnapshot snapshot, List<Violation> violations)
    {
        var items = snapshot.Ledger.Where(i => i is { Kind: MilestoneKind, Lead: true }).ToLookup(i => i.CauseKey);
        var milestones = snapshot.OutcomeMilestones.ToDictionary(m => MilestoneCause(m.Id));
        foreach (var (cause, milestone) in milestones)
        {
            var count = items[cause].Count();
            if (count != 1)
            {
                violations.Add(new("achieved milestone without exactly one ledger item",
                    $"milestone {milestone.Id} ({milestone.Code}, citizen {milestone.CitizenId}) has {count}"));
            }
        }
        foreach (var item in items.SelectMany(g => g).Where(i => !milestones.ContainsKey(i.CauseKey)))
        {
            violations.Add(new("ledger milestone item without an achieved milestone", $"item {item.Id} ({item.CauseKey}, {item.AmountOre} øre)"));
        }
        var credits = snapshot.Ledger.Where(i => i.Kind == CreditKind && i.CauseKey.StartsWith("credit:milestone:", StringComparison.Ordinal))
            .ToLookup(i => i.CauseKey["credit:".Length..]);
        foreach (var (cause, milestone) in milestones.Where(m => m.Value.Revoked))
        {
            var count = credits[cause].Count();
            if (count != 1)
            {
                violations.Add(new("revoked milestone without exactly one credit",
                    $"milestone {milestone.Id} ({milestone.Code}, citizen {milestone.CitizenId}) has {count}"));
            }
        }
        foreach (var credit in credits.SelectMany(g => g))
        {
            if (!milestones.TryGetValue(credit.CauseKey["credit:".Length..], out var milestone))
            {
                violations.Add(new("milestone credit without an achieved milestone", $"item {credit.Id} ({credit.CauseKey})"));
            }
            else if (!milestone.Revoked)
            {
                violations.Add(new("milestone credit of a milestone that stands", $"item {credit.Id} ({credit.CauseKey})"));
            }
        }
    }

    private static void CheckCauses(SuiteSnapshot snapshot, List<Violation> violations)
    {
        foreach (var twice in snapshot.Ledger.GroupBy(i => (i.CauseKey, i.PayerId)).Where(g => g.Count() > 1))
        {
            violations.Add(new("ledger cause booked more than once",
                $"{twice.Key.CauseKey}{(twice.Key.PayerId.Length > 0 ? $" (payer {twice.Key.PayerId})" : "")}: items {string.Join(", ", twice.Select(i => i.Id))}, {twice.Sum(i => i.AmountOre)} øre in all"));
        }
        // A cause booked twice for one payer is reported above; here, the payers' items of a cause must name one lead among them.
        foreach (var cause in snapshot.Ledger.GroupBy(i => i.CauseKey).Where(g => g.Where(i => i.Lead).Select(i => i.PayerId).Distinct().Count() != 1))
        {
            violations.Add(new("ledger cause without exactly one lead item", $"{cause.Key}: {cause.Count(i => i.Lead)} of {cause.Count()} items lead"));
        }
        var ids = snapshot.Ledger.Select(i => i.Id).ToHashSet();
        var credits = snapshot.Ledger.Where(i => i.CreditsItemId is not null).ToList();
        foreach (var dangling in credits.Where(c => !ids.Contains(c.CreditsItemId!.Value)))
        {
            violations.Add(new("credit of an item that does not exist", $"item {dangling.Id} credits {dangling.CreditsItemId}"));
        }
        foreach (var twice in credits.GroupBy(c => c.CreditsItemId!.Value).Where(g => g.Count() > 1))
        {
            violations.Add(new("ledger item credited more than once", $"item {twice.Key}: credits {string.Join(", ", twice.Select(c => c.Id))}"));
        }
    }

    private static void CheckPayers(SuiteSnapshot snapshot, List<Violation> violations)
    {
        var items = snapshot.Ledger.ToDictionary(i => i.Id);
        var totals = (snapshot.PayerTotals ?? []).ToDictionary(t => (t.PartnershipId, t.PayerId), t => t.AmountOre);
        foreach (var payer in snapshot.PayerTotals is null ? [] : snapshot.Ledger.GroupBy(i => (i.PartnershipId, i.PayerId)))
        {
            var sum = payer.Sum(i => i.AmountOre);
            if (totals.GetValueOrDefault(payer.Key) != sum)
            {
                violations.Add(new("payer's day totals not the sum of its items",
                    $"partnership {payer.Key.PartnershipId} payer '{payer.Key.PayerId}': items {sum}, day totals {totals.GetValueOrDefault(payer.Key)} øre"));
            }
        }
        foreach (var document in snapshot.Documents)
        {
            foreach (var line in document.Lines.Where(l => items.TryGetValue(l.LedgerItemId, out var item) && item.PayerId != document.PayerId))
            {
                violations.Add(new("document line of another payer's item",
                    $"document {document.Number} of payer '{document.PayerId}' line {line.LineNumber}: item of payer '{items[line.LedgerItemId].PayerId}'"));
            }
        }
    }

    private static void CheckDocuments(SuiteSnapshot snapshot, List<Violation> violations)
    {
        var items = snapshot.Ledger.ToDictionary(i => i.Id);
        var invoiceOf = snapshot.Documents.Where(d => d.Kind == InvoiceKind)
            .SelectMany(d => d.Lines.Select(l => (l.LedgerItemId, d.Id)))
            .ToDictionary(x => x.LedgerItemId, x => x.Id);
        foreach (var document in snapshot.Documents)
        {
            var name = $"{(document.Kind == InvoiceKind ? "invoice" : "credit note")} {document.Number}";
            var lineSum = document.Lines.Sum(l => l.NetAmountOre);
            if (document.NetAmountOre != lineSum || document.TotalAmountOre != document.NetAmountOre + document.VatAmountOre)
            {
                violations.Add(new("document totals not the sum of their lines",
                    $"{name}: net {document.NetAmountOre}, lines {lineSum}, VAT {document.VatAmountOre}, total {document.TotalAmountOre} øre"));
            }
            foreach (var line in document.Lines)
            {
                var expected = items.TryGetValue(line.LedgerItemId, out var item) ? ExpectedLineAmount(document, item, invoiceOf) : null;
                if (expected is null || line.NetAmountOre != expected || line.NetAmountOre != line.Quantity * line.UnitPriceOre - line.AllowanceOre)
                {
                    violations.Add(new("document line not its ledger item",
                        $"{name} line {line.LineNumber}: item {line.LedgerItemId} ({item?.CauseKey ?? "unknown"}, {item?.AmountOre.ToString() ?? "?"} øre), " +
                        $"line {line.Quantity} × {line.UnitPriceOre} − {line.AllowanceOre} = {line.NetAmountOre} øre"));
                }
            }
        }
    }

    private static void CheckNumbering(SuiteSnapshot snapshot, List<Violation> violations)
    {
        foreach (var issuer in snapshot.Documents.GroupBy(d => d.IssuerCvr))
        {
            var numbers = issuer.Select(d => d.Number).Order().ToList();
            if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count).Select(n => (long)n)))
            {
                violations.Add(new("document numbers of an issuer not 1 to n without gap or repeat",
                    $"issuer {issuer.Key}: {numbers.Count} documents numbered {string.Join(", ", numbers)}"));
            }
        }
        foreach (var twice in snapshot.Documents.SelectMany(d => d.Lines.Select(l => (l.LedgerItemId, d.Number))).GroupBy(x => x.LedgerItemId)
                     .Where(g => g.Count() > 1))
        {
            violations.Add(new("ledger item on more than one document line",
                $"item {twice.Key} on documents {string.Join(", ", twice.Select(x => x.Number))}"));
        }
    }

    /// <summary>
    /// An invoice carries an earned item at its booked amount; a credit note carries a credit, positive, of an item on
    /// the invoice it credits. Any other pairing has no right amount.
    /// </summary>
    private static long? ExpectedLineAmount(IssuedDocument document, LedgerEntry item, IReadOnlyDictionary<Guid, Guid> invoiceOf) =>
        document.Kind switch
        {
            InvoiceKind when item.Kind != CreditKind => item.AmountOre,
            CreditNoteKind when item is { Kind: CreditKind, CreditsItemId: { } credited }
                && invoiceOf.GetValueOrDefault(credited) == document.CreditedInvoiceId => -item.AmountOre,
            _ => null,
        };

    private static void CheckClosedPeriods(SuiteSnapshot snapshot, List<Violation> violations)
    {
        foreach (var credit in snapshot.Ledger.Where(i => i.Kind == CreditKind && i.CauseMessageId is null))
        {
            violations.Add(new("credit without its cause", $"item {credit.Id} ({credit.CauseKey})"));
        }
        foreach (var period in snapshot.ClosedPeriods)
        {
            bool Within(DateOnly day) => period.Start <= day && day <= period.End;
            var name = $"partnership {period.PartnershipId} {period.Start:yyyy-MM-dd} to {period.End:yyyy-MM-dd}";
            foreach (var item in snapshot.Ledger.Where(i => i.PartnershipId == period.PartnershipId && Within(i.BookedOn) && i.RecordedAt > period.ClosedAt))
            {
                violations.Add(new("ledger item booked in a closed period", $"{name}: item {item.Id} ({item.CauseKey}) booked on {item.BookedOn:yyyy-MM-dd}"));
            }
            foreach (var document in snapshot.Documents.Where(d => d.PartnershipId == period.PartnershipId && Within(d.PeriodEnd) && d.CreatedAt > period.ClosedAt))
            {
                violations.Add(new("document of a closed period issued after it was closed", $"{name}: document {document.Number}"));
            }
        }
    }

    private static void CheckOutbox(SuiteSnapshot snapshot, DateTimeOffset now, TimeSpan retryHorizon, List<Violation> violations)
    {
        foreach (var row in snapshot.UnsentOutbox.Where(r => now - r.CreatedAt > retryHorizon))
        {
            violations.Add(new("outbox row unsent beyond the retry horizon",
                $"{row.Service} message {row.MessageId} ({row.MessageType}) created {row.CreatedAt:O}, {row.Attempts} attempts, last error: {row.LastError ?? "none"}"));
        }
    }

    private static void CheckErrorQueues(SuiteSnapshot snapshot, IReadOnlyDictionary<Guid, string> explained, List<Violation> violations)
    {
        foreach (var message in snapshot.ErrorQueues.Where(m => m.MessageId is not { } id || !explained.ContainsKey(id)))
        {
            violations.Add(new("unexplained message in an error queue",
                $"{message.Queue}: message {message.MessageId} ({message.MessageType}), reason: {message.Reason ?? "none given"}"));
        }
    }

    /// <summary>The payment service's cause key of a milestone's ledger item.</summary>
    public static string MilestoneCause(Guid milestoneId) => $"milestone:{milestoneId}";
}
