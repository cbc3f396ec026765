using Microsoft.EntityFrameworkCore;
using Partnerskab.Payment.Persistence;
using Partnerskab.ServiceDefaults.Persistence;

namespace Partnerskab.Payment.Ledger;

/// <summary>A cause about to be booked or credited: the key of the item (for a credit, of the item it takes back).</summary>
public sealed record LedgerCause(Guid PartnershipId, string? CitizenId, string CauseKey, bool Capped);

/// <summary>
/// What the ledger holds for some causes, read at once under their locks: the items of their
/// cause keys, of their later pricing and of the credits of both, and, for capped partnerships, the booked sums the caps
/// count. Items booked through it afterwards are added (<see cref="Added"/>, for the caller to
/// write), so it stays what the ledger will hold at commit for those causes, without reading the
/// database again.
/// </summary>
public sealed class LedgerSnapshot
{
    private readonly Dictionary<string, LedgerItem> byCauseKey;
    private readonly Dictionary<(Guid PartnershipId, int Year), long> years;
    private readonly Dictionary<(Guid PartnershipId, string CitizenId), long> citizens;

    private LedgerSnapshot(Dictionary<string, LedgerItem> byCauseKey, Dictionary<(Guid, int), long> years, Dictionary<(Guid, string), long> citizens)
    {
        this.byCauseKey = byCauseKey;
        this.years = years;
        this.citizens = citizens;
    }

    public static async Task<LedgerSnapshot> ReadAsync(PaymentDbContext db, IReadOnlyCollection<LedgerCause> causes, CancellationToken cancellationToken)
    {
        var keys = causes.SelectMany(c => new[]
        {
            c.CauseKey, LedgerBook.CreditKey(c.CauseKey), LedgerBook.PricedKey(c.CauseKey), LedgerBook.CreditKey(LedgerBook.PricedKey(c.CauseKey)),
        });
        var items = await db.Ledger.WithKeys("cause_key", keys).AsNoTracking().ToDictionaryAsync(i => i.CauseKey, StringComparer.Ordinal, cancellationToken);

        var capped = causes.Where(c => c.Capped).ToList();
        var partnerships = capped.Select(c => c.PartnershipId).Distinct().ToList();
        var years = partnerships.Count == 0 ? [] : await db.LedgerYearTotals.AsNoTracking()
            .Where(t => partnerships.Contains(t.PartnershipId))
            .ToDictionaryAsync(t => (t.PartnershipId, t.Year), t => t.AmountOre, cancellationToken);
        var citizenIds = capped.Where(c => c.CitizenId is not null).Select(c => c.CitizenId!).Distinct().ToList();
        var citizens = citizenIds.Count == 0 ? [] : (await db.Ledger.AsNoTracking()
                .Where(i => partnerships.Contains(i.PartnershipId) && citizenIds.Contains(i.CitizenId!))
                .GroupBy(i => new { i.PartnershipId, i.CitizenId })
                .Select(g => new { g.Key.PartnershipId, g.Key.CitizenId, AmountOre = g.Sum(i => i.AmountOre) })
                .ToListAsync(cancellationToken))
            .ToDictionary(c => (c.PartnershipId, c.CitizenId!), c => c.AmountOre);
        return new LedgerSnapshot(items, years, citizens);
    }

    public LedgerItem? Find(string causeKey) => byCauseKey.GetValueOrDefault(causeKey);

    public bool IsBooked(string causeKey) => byCauseKey.ContainsKey(causeKey);

    /// <summary>What is booked under the caps an item of the partnership, citizen and year falls under.</summary>
    public Caps.Booked Booked(Guid partnershipId, string? citizenId, int year) => new(
        citizenId is null ? null : citizens.GetValueOrDefault((partnershipId, citizenId)),
        years.GetValueOrDefault((partnershipId, year)),
        years.Where(y => y.Key.PartnershipId == partnershipId).Sum(y => y.Value));

    /// <summary>The items booked through the snapshot, in booking order.</summary>
    public List<LedgerItem> Added { get; } = [];

    public LedgerItem Add(LedgerItem item)
    {
        byCauseKey.Add(item.CauseKey, item);
        Added.Add(item);
        var year = (item.PartnershipId, item.EarnedOn.Year);
        years[year] = years.GetValueOrDefault(year) + item.AmountOre;
        if (item.CitizenId is { } citizenId) citizens[(item.PartnershipId, citizenId)] = citizens.GetValueOrDefault((item.PartnershipId, citizenId)) + item.AmountOre;
        return item;
    }
}
