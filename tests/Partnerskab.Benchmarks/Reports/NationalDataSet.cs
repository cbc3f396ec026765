using System.Security.Cryptography;
using Npgsql;
using NpgsqlTypes;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// The report benchmarks' data set, the same for the same seed: partnerships (98 kommuner at
/// full size, citizens shared out by weight 1/(k+2), so the largest holds some 12 %, as
/// Copenhagen does), their pseudonymous citizens in follow-up (handed over March to June
/// 2023), a weekly status per citizen per week from the handover week on
/// (<see cref="StatusSequences"/>), and ledger items per citizen: the handover fee, then at
/// each of nine checkpoints (1, 2, 3, 4, 6, 9, 12, 18 and 24 months) a milestone item if the
/// citizen was self-sufficient that week, else a deliverable fee.
/// </summary>
/// <remarks>
/// For the report benchmarks only, the partnerships and rate cards are made
/// through the public API (so the services hold them as they would), but the citizens, weekly
/// statuses and ledger items are loaded directly by binary COPY into the outcome service's
/// follow_up_citizens (with the decided weeks status ingestion keeps beside the reports) and
/// weekly_status_reports and the payment service's ledger_items: the cohort service does not
/// know these citizens, and no event announced them. The outcome service is then asked to build
/// its kept worklists and counts of these partnerships from the loaded facts, as after a migration.
/// </remarks>
public static class NationalDataSet
{
    /// <param name="ShiftWeeks">
    /// Every day of the data set moved this many weeks later (Mondays stay Mondays), so that its
    /// citizens can be in follow-up today; weeks and ledger items that would then lie after
    /// today are left out, as no one could have reported them yet.
    /// </param>
    public sealed record Options(int Seed, int Partnerships, int Citizens, int WeeksPerCitizen, TimeSpan Patience, int ShiftWeeks = 0)
    {
        public DateOnly Handover(int n) => ImportBenchmark.HandoverDate(n).AddDays(7 * ShiftWeeks);
    }

    public sealed record Partnership(Guid Id, int FirstCitizen, int Citizens, int WeeksPerCitizen)
    {
        /// <summary>The citizens with a status in the week containing their handover day plus <paramref name="months"/> (in a data set not shifted).</summary>
        public int ReportedAt(int months) => Enumerable.Range(FirstCitizen, Citizens).Count(n =>
        {
            var handover = ImportBenchmark.HandoverDate(n);
            return Monday(handover.AddMonths(months)).DayNumber - Monday(handover).DayNumber < 7 * WeeksPerCitizen;
        });
    }

    /// <summary>The whole weeks that move a data set's handovers (March to June 2023) to the year before today, so its citizens are in follow-up today.</summary>
    public static int WeeksToFollowUpToday() =>
        (Today().AddMonths(-12).DayNumber - ImportBenchmark.HandoverDate(0).DayNumber) / 7;

    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")));

    public sealed record Loaded(IReadOnlyList<Partnership> Partnerships, long WeeklyStatuses, long LedgerItems);

    public const int LedgerItemsPerCitizen = 1 + 9;

    private static readonly int[] CheckpointMonths = [1, 2, 3, 4, 6, 9, 12, 18, 24];

    /// <summary>The synthetic citizens' numbers start here, clear of those the other benchmarks hand over.</summary>
    private const int FirstCitizenNumber = 20_000_000;

    public static async Task<Loaded> LoadAsync(SuiteClients suite, Func<string, string> connectionString, Options options)
    {
        var partnerships = new List<Partnership>();
        var first = FirstCitizenNumber;
        foreach (var size in Sizes(options.Partnerships, options.Citizens))
        {
            var id = await ImportBenchmark.CreatePartnershipAsync(suite, $"benchmark-national-{partnerships.Count}-{Guid.NewGuid():N}", size);
            await suite.Payment.SetRateCardAsync(new SetRateCardRequest
            {
                PartnershipId = id,
                EffectiveFrom = ThinSlice.Day(2023, 3, 1),
                HandoverFeeOre = ThinSlice.HandoverFeeOre,
                MilestonePrices = { CheckpointMonths.Select(m => new MilestonePrice { MilestoneCode = MilestoneCode(m), AmountOre = 500_000 * m }) },
            }, deadline: Deadlines.Call());
            partnerships.Add(new Partnership(Guid.Parse(id), first, size, options.WeeksPerCitizen));
            first += size;
        }
        // The partnership reaches the payment service by event; the cost report reads its contract dates.
        await Database.WaitForCountAsync("partnerships in the payment service", connectionString("payment"),
            "SELECT count(*) FROM partnerships WHERE version > 0 AND partnership_id = ANY($1)", partnerships.Count, options.Patience,
            [partnerships.Select(p => p.Id).ToArray()]);

        var citizens = partnerships.SelectMany(p => Enumerable.Range(p.FirstCitizen, p.Citizens).Select(n => (p.Id, N: n))).ToList();
        long statuses = 0, items = 0;
        await using (var outcome = new NpgsqlConnection(connectionString("outcome")))
        {
            await outcome.OpenAsync();
            await BinaryCopy.RunAsync(outcome, "follow_up_citizens", "partnership_id, citizen_id, follow_up_start, follow_up_end, decided_week_statuses", citizens,
                async (writer, c) =>
                {
                    await writer.WriteAsync(c.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(SyntheticPseudonyms.Of(c.N), NpgsqlDbType.Varchar);
                    await writer.WriteAsync(options.Handover(c.N), NpgsqlDbType.Date);
                    await writer.WriteAsync(options.Handover(c.N).AddMonths(24), NpgsqlDbType.Date);
                    // As status ingestion keeps it: one byte per week from the handover week, the week's status (the provider's, so without the register bit).
                    await writer.WriteAsync(Weeks(options, c.N).Select(w => (byte)w.Week.Status).ToArray(), NpgsqlDbType.Bytea);
                });
            var recordedAt = DateTime.UtcNow;
            await BinaryCopy.RunAsync(outcome, "weekly_status_reports", StatusStreamBenchmark.WeeklyStatusColumns,
                citizens.SelectMany(c => Weeks(options, c.N).Select(w => (c.Id, Row: w))),
                (writer, s) =>
                {
                    statuses++;
                    return StatusStreamBenchmark.WriteStatusAsync(writer, s.Id, s.Row, recordedAt);
                });
        }
        await using (var payment = new NpgsqlConnection(connectionString("payment")))
        {
            await payment.OpenAsync();
            var recordedAt = DateTime.UtcNow;
            await BinaryCopy.RunAsync(payment, "ledger_items",
                "id, partnership_id, citizen_id, kind, code, cause_key, earned_on, quantity, unit_price_ore, original_amount_ore, amount_ore, capped_by, rate_card_version, pricing_note, recorded_at, unpriced",
                citizens.SelectMany(c => LedgerItems(options, c.Id, c.N)), async (writer, item) =>
                {
                    items++;
                    await writer.WriteAsync(item.Id, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(item.PartnershipId, NpgsqlDbType.Uuid);
                    await writer.WriteAsync(item.CitizenId, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(item.Kind, NpgsqlDbType.Integer);
                    await writer.WriteAsync(item.Code, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(item.CauseKey, NpgsqlDbType.Varchar);
                    await writer.WriteAsync(item.EarnedOn, NpgsqlDbType.Date);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer);
                    await writer.WriteAsync(item.AmountOre, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(item.AmountOre, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(item.AmountOre, NpgsqlDbType.Bigint);
                    await writer.WriteAsync(0, NpgsqlDbType.Integer);
                    await writer.WriteAsync(1, NpgsqlDbType.Integer);
                    await writer.WriteAsync("benchmark data set, loaded directly", NpgsqlDbType.Varchar);
                    await writer.WriteAsync(recordedAt, NpgsqlDbType.TimestampTz);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                });
        }
        // Loaded beside the service, so its kept worklists and counts are built from these facts as after a migration, before any read.
        await Database.ScalarAsync(connectionString("outcome"),
            "WITH asked AS (INSERT INTO kept_rebuilds (partnership_id, requested_at) SELECT id, now() FROM unnest($1::uuid[]) AS id ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM asked",
            [partnerships.Select(p => p.Id).ToArray()]);
        await Database.WaitForCountAsync("the outcome service's kept worklists and counts built", connectionString("outcome"),
            "SELECT (NOT EXISTS (SELECT 1 FROM kept_rebuilds))::int", 1, options.Patience);
        // As autovacuum would soon after such a load: the planner should know the tables' sizes.
        await Database.ScalarAsync(connectionString("outcome"),
            "ANALYZE follow_up_citizens, weekly_status_reports, counted_citizens, follow_up_day_counts, status_week_counts, status_at_month_counts, final_status_counts; SELECT 0");
        await Database.ScalarAsync(connectionString("payment"), "ANALYZE ledger_items; SELECT 0");
        return new Loaded(partnerships, statuses, items);
    }

    public static string MilestoneCode(int months) => $"SELF_SUFFICIENT_MONTH_{months}";

    /// <summary>Partnership sizes by weight 1/(k+2), the remainder to the largest; every partnership has at least one citizen.</summary>
    public static IReadOnlyList<int> Sizes(int partnerships, int citizens)
    {
        var weights = Enumerable.Range(0, partnerships).Select(k => 1.0 / (k + 2)).ToList();
        var sizes = weights.Select(w => Math.Max(1, (int)(citizens * w / weights.Sum()))).ToList();
        sizes[0] += citizens - sizes.Sum();
        return sizes;
    }

    /// <summary>Citizen n's weeks from the Monday of their handover week.</summary>
    private static IEnumerable<StatusStreamBenchmark.Row> Weeks(Options options, int n)
    {
        var monday = Monday(options.Handover(n));
        var citizenId = SyntheticPseudonyms.Of(n);
        var today = Today();
        return StatusSequences.For(options.Seed, n).Take(options.WeeksPerCitizen)
            .Select((week, i) => new StatusStreamBenchmark.Row(citizenId, monday.AddDays(7 * i), week))
            .TakeWhile(row => row.WeekStart <= today);
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private sealed record Item(Guid Id, Guid PartnershipId, string CitizenId, int Kind, string? Code, string CauseKey, DateOnly EarnedOn, long AmountOre);

    private static IEnumerable<Item> LedgerItems(Options options, Guid partnershipId, int n) =>
        AllLedgerItems(options, partnershipId, n).Where(item => item.EarnedOn <= Today());

    private static IEnumerable<Item> AllLedgerItems(Options options, Guid partnershipId, int n)
    {
        var citizenId = SyntheticPseudonyms.Of(n);
        var handover = options.Handover(n);
        yield return new Item(ItemId(options.Seed, n, 0), partnershipId, citizenId, (int)LedgerItemKind.HandoverFee, null,
            $"handover:{partnershipId}:{citizenId}", handover, ThinSlice.HandoverFeeOre);
        var weeks = StatusSequences.For(options.Seed, n).Take(105).ToList();
        foreach (var (months, k) in CheckpointMonths.Select((m, k) => (m, k + 1)))
        {
            var week = weeks[Math.Min(weeks.Count - 1, (int)(months * 52.0 / 12))];
            yield return StatusSequences.IsSelfSufficient(week.Status)
                ? new Item(ItemId(options.Seed, n, k), partnershipId, citizenId, (int)LedgerItemKind.Milestone, MilestoneCode(months),
                    $"benchmark-milestone:{partnershipId}:{citizenId}:{months}", handover.AddMonths(months), 500_000 * months)
                : new Item(ItemId(options.Seed, n, k), partnershipId, citizenId, (int)LedgerItemKind.DeliverableFee, "COURSE",
                    $"benchmark-deliverable:{partnershipId}:{citizenId}:{months}", handover.AddMonths(months), 150_000);
        }
    }

    private static Guid ItemId(int seed, int n, int k) => new(SHA256.HashData(BitConverter.GetBytes(((long)seed << 40) ^ ((long)n << 8) ^ k))[..16]);
}
