using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Payment.Ledger;
using Partnerskab.Payment.Persistence;

namespace Partnerskab.Payment.Costs;

/// <summary>
/// What the cost report needs of a partnership's ledger as of a date, summed by PostgreSQL: a
/// large partnership holds over 100,000 items, too many to read one by one for a report.
/// </summary>
/// <param name="Groups">The items earned by the date, summed per group.</param>
/// <param name="BookedPeriodicFees">The cause keys, of those asked about, that a periodic fee is booked under.</param>
/// <param name="Citizens">What is booked per citizen by the date, when asked for.</param>
public sealed record LedgerTotals(IReadOnlyCollection<LedgerTotals.Group> Groups, IReadOnlySet<string> BookedPeriodicFees,
    IReadOnlyCollection<LedgerTotals.Citizen> Citizens)
{
    /// <summary>
    /// The items earned on a day, of a kind (for credits: of the credited item's kind too), that
    /// are or are not on a document of the partnership issued by the date.
    /// </summary>
    public sealed record Group(LocalDate EarnedOn, LedgerItemKind Kind, LedgerItemKind? CreditedKind, bool OnDocument, long AmountOre, int Items);

    public sealed record Citizen(string CitizenId, long BookedOre);

    private sealed record EarnedSum(LocalDate EarnedOn, LedgerItemKind Kind, Guid? CreditsItemId, bool OnDocument, long AmountOre, int Items);

    /// <param name="periodicFeeCauseKeys">The cause keys of the periodic fees due by the date, to learn which are booked.</param>
    /// <param name="perCitizen">Sum per citizen too (a row per citizen: only when the caller may see them).</param>
    public static async Task<LedgerTotals> ReadAsync(PaymentDbContext db, Guid partnershipId, LocalDate asOf,
        IReadOnlyCollection<string> periodicFeeCauseKeys, bool perCitizen, CancellationToken cancellationToken)
    {
        // Credits stay apart per credited item, whose kind is then looked up by key: joining in SQL
        // would have the planner, which cannot foresee how few groups there are, hash the whole ledger.
        var sums = await db.Database.SqlQuery<EarnedSum>($"""
            SELECT item.earned_on, item.kind, item.credits_item_id, line.ledger_item_id IS NOT NULL AS on_document,
                sum(item.amount_ore)::bigint AS amount_ore, count(*)::int AS items
            FROM ledger_items item
            LEFT JOIN (invoice_lines line JOIN invoices document ON document.id = line.invoice_id
                AND document.partnership_id = {partnershipId} AND document.issue_date <= {asOf}) ON line.ledger_item_id = item.id
            WHERE item.partnership_id = {partnershipId} AND item.earned_on <= {asOf}
            GROUP BY item.earned_on, item.kind, item.credits_item_id, on_document
            """).ToListAsync(cancellationToken);
        var credited = sums.Where(s => s.CreditsItemId is not null).Select(s => s.CreditsItemId!.Value).Distinct().ToList();
        var creditedKinds = await db.Ledger.Where(i => credited.Contains(i.Id)).Select(i => new { i.Id, i.Kind })
            .ToDictionaryAsync(i => i.Id, i => i.Kind, cancellationToken);
        var groups = sums.Select(s => new Group(s.EarnedOn, s.Kind, s.CreditsItemId is { } id ? creditedKinds[id] : null, s.OnDocument, s.AmountOre, s.Items))
            .ToList();
        var booked = await db.Ledger.Where(i => i.PartnershipId == partnershipId && periodicFeeCauseKeys.Contains(i.CauseKey))
            .Select(i => i.CauseKey).ToListAsync(cancellationToken);
        var citizens = perCitizen
            ? await db.Ledger.Where(i => i.PartnershipId == partnershipId && i.EarnedOn <= asOf && i.CitizenId != null)
                .GroupBy(i => i.CitizenId!).Select(g => new Citizen(g.Key, g.Sum(i => i.AmountOre))).ToListAsync(cancellationToken)
            : [];
        return new LedgerTotals(groups, booked.ToHashSet(StringComparer.Ordinal), citizens);
    }
}
