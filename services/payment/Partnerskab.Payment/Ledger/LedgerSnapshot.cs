namespace Partnerskab.Payment.Ledger;

/// <summary>
/// What the ledger holds for some causes: the items of their cause keys, of their later pricing
/// and of the credits of both, and, for capped partnerships, the booked sums the caps count
/// (per partnership and year, per citizen and per payer). Items booked through it afterwards are added
/// (<see cref="Added"/>, for the caller to write), so it stays what the ledger will hold for
/// those causes, without asking the database again. Plain values: <see cref="LedgerStore"/> reads
/// one from the database, <see cref="Of"/> makes one of a whole ledger's items.
/// </summary>
public sealed class LedgerSnapshot
{
    private readonly Dictionary<string, List<LedgerItem>> byCauseKey;
    private readonly Dictionary<(Guid PartnershipId, int Year), long> years;
    private readonly Dictionary<(Guid PartnershipId, string CitizenId), long> citizens;
    private readonly Dictionary<(Guid PartnershipId, string PayerId), long> payers;
    private readonly ILookup<Guid, NodaTime.DateInterval> closed;

    /// <param name="items">The items of the causes about to be booked (and of their credits and later pricing).</param>
    /// <param name="yearTotals">What is booked per partnership and calendar year earned.</param>
    /// <param name="citizenTotals">What is booked per partnership and citizen.</param>
    /// <param name="closedPeriods">The partnerships' periods closed now, by partnership.</param>
    /// <param name="payerTotals">What is booked per partnership and payer (for the payers' own caps).</param>
    public LedgerSnapshot(IEnumerable<LedgerItem> items, IReadOnlyDictionary<(Guid PartnershipId, int Year), long> yearTotals,
        IReadOnlyDictionary<(Guid PartnershipId, string CitizenId), long> citizenTotals,
        IEnumerable<(Guid PartnershipId, NodaTime.DateInterval Days)>? closedPeriods = null,
        IReadOnlyDictionary<(Guid PartnershipId, string PayerId), long>? payerTotals = null)
    {
        payers = new Dictionary<(Guid, string), long>(payerTotals ?? new Dictionary<(Guid, string), long>());
        closed = (closedPeriods ?? []).ToLookup(c => c.PartnershipId, c => c.Days);
        byCauseKey = items.GroupBy(i => i.CauseKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        years = new Dictionary<(Guid, int), long>(yearTotals);
        citizens = new Dictionary<(Guid, string), long>(citizenTotals);
    }

    /// <summary>A snapshot of a whole ledger: every item, and the sums they make.</summary>
    public static LedgerSnapshot Of(IReadOnlyCollection<LedgerItem> items) => new(items,
        items.GroupBy(i => (i.PartnershipId, i.EarnedOn.Year)).ToDictionary(g => g.Key, g => g.Sum(i => i.AmountOre)),
        items.Where(i => i.CitizenId is not null).GroupBy(i => (i.PartnershipId, i.CitizenId!)).ToDictionary(g => g.Key, g => g.Sum(i => i.AmountOre)),
        payerTotals: items.GroupBy(i => (i.PartnershipId, i.PayerId)).ToDictionary(g => g.Key, g => g.Sum(i => i.AmountOre)));

    /// <summary>The day an item of the partnership about the day is booked on (<see cref="Periods.BookingCalendar"/>).</summary>
    public NodaTime.LocalDate BookedOn(Guid partnershipId, NodaTime.LocalDate day) => Periods.BookingCalendar.BookedOn(day, closed[partnershipId]);

    /// <summary>The items booked for a cause: one per payer (or one, when the kommune pays alone); none when it is not booked.</summary>
    public IReadOnlyList<LedgerItem> Find(string causeKey) => byCauseKey.GetValueOrDefault(causeKey) ?? [];

    public bool IsBooked(string causeKey) => byCauseKey.ContainsKey(causeKey);

    /// <summary>What is booked under the caps an item of the partnership, citizen and year falls under.</summary>
    public Caps.Booked Booked(Guid partnershipId, string? citizenId, int year) => new(
        citizenId is null ? null : citizens.GetValueOrDefault((partnershipId, citizenId)),
        years.GetValueOrDefault((partnershipId, year)),
        years.Where(y => y.Key.PartnershipId == partnershipId).Sum(y => y.Value));

    /// <summary>What is booked for a payer in the partnership, credits counted (what its own cap counts).</summary>
    public long PayerBooked(Guid partnershipId, string payerId) => payers.GetValueOrDefault((partnershipId, payerId));

    /// <summary>The items booked through the snapshot, in booking order.</summary>
    public List<LedgerItem> Added { get; } = [];

    public LedgerItem Add(LedgerItem item)
    {
        if (byCauseKey.TryGetValue(item.CauseKey, out var booked)) booked.Add(item);
        else byCauseKey.Add(item.CauseKey, [item]);
        Added.Add(item);
        var year = (item.PartnershipId, item.EarnedOn.Year);
        years[year] = years.GetValueOrDefault(year) + item.AmountOre;
        payers[(item.PartnershipId, item.PayerId)] = PayerBooked(item.PartnershipId, item.PayerId) + item.AmountOre;
        if (item.CitizenId is { } citizenId) citizens[(item.PartnershipId, citizenId)] = citizens.GetValueOrDefault((item.PartnershipId, citizenId)) + item.AmountOre;
        return item;
    }
}
