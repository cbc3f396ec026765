using System.Text;
using System.Text.Json;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Benchmarks;

/// <summary>
/// Milestone event to ledger item: the outcome service records a milestone and the
/// MilestonesAchieved outbox row announcing it (with the others the transaction reached) in the
/// transaction that reached it; the relay publishes it to RabbitMQ; the payment service's
/// consumer books it through its inbox as a ledger item.
/// </summary>
/// <remarks>
/// Milestones are made through the public API: the partnership defines a milestone reached by
/// one self-sufficient week, and the provider streams one week of ordinary employment per
/// citizen (ReportWeeklyStatuses), so each streamed row makes one milestone and one ledger item.
/// Times come from the services' own records, read with SQL after the run: the milestone's
/// recorded_at in the outcome database (taken in the transaction that reached it, before its
/// commit) and the ledger item's recorded_at in the payment database (taken in the consumer's
/// transaction), joined by the ledger's cause key "milestone:{id}". Both clocks are the same
/// machine's. Throughput: all milestones of one stream, from the first milestone recorded to
/// the last ledger item recorded. Latency: per item, ledger recorded_at minus milestone
/// recorded_at, while small streams make milestones at half the measured throughput. A warm-up
/// stream as large as the timed one goes first, as the unary row's calls do, so the row measures
/// services that have run the path before. In fresh ones with a warm-up of a tenth as many
/// items, the JIT's background tiering took 41 % of the outcome service's CPU samples (perf) in
/// the 8 s from the first milestone, most of it in the timed stream.
/// </remarks>
public static class MilestoneToLedgerBenchmark
{
    public const string MilestoneCode = "SELF_SUFFICIENT_WEEK";

    /// <summary>The exchange MassTransit publishes MilestonesAchieved to (its message type's name).</summary>
    private const string MilestonesAchievedExchange = "Partnerskab.Contracts.Outcome:MilestonesAchieved";

    /// <summary>Week 2023-W30, after every benchmark citizen's handover.</summary>
    private static readonly DateOnly MilestoneWeek = new(2023, 7, 24);

    public sealed record Options(int ThroughputItems, int LatencyItemsAtMost, TimeSpan LatencyDuration, TimeSpan Patience)
    {
        public int WarmUpItems => ThroughputItems;
    }

    public sealed record Result(int ThroughputItems, double ItemsPerSecond, int MessageBytes, double LatencyRate, Latencies Latency,
        string? ThroughputCpuUse);

    /// <summary>
    /// Runs both phases on a partnership of its own, handing its citizens (n from
    /// <paramref name="firstCitizen"/>) over first; <paramref name="startCpuUse"/>, when given,
    /// measures where the CPU went in the throughput phase.
    /// </summary>
    public static async Task<Result> RunAsync(SuiteClients suite, Func<string, string> connectionString, ushort rabbitMqPort, string virtualHost, int firstCitizen, Options options,
        Func<Task<CpuUse>>? startCpuUse = null)
    {
        var citizens = options.WarmUpItems + options.ThroughputItems + options.LatencyItemsAtMost;
        var partnershipId = await PrepareAsync(suite, citizens);
        var import = await ImportBenchmark.RunAsync(suite, citizens, firstCitizen, partnershipId);
        if (import.CitizenIds.Count != citizens) throw new InvalidOperationException($"{import.Rejected} of {citizens} handovers were rejected.");
        await HandoverArrival.WaitAsync(connectionString, partnershipId, citizens, options.Patience);

        var warmUpCitizens = import.CitizenIds.Take(options.WarmUpItems).ToList();
        await StreamAsync(suite, partnershipId, warmUpCitizens);
        await WaitForLedgerAsync(connectionString, partnershipId, warmUpCitizens, options.Patience);

        var throughputCitizens = import.CitizenIds.Skip(options.WarmUpItems).Take(options.ThroughputItems).ToList();
        int messageBytes;
        IReadOnlyList<Booked> booked;
        string? cpuUse;
        await using (var tap = await MessageTap.StartAsync(rabbitMqPort, virtualHost, MilestonesAchievedExchange))
        {
            var cpu = startCpuUse is null ? null : await startCpuUse();
            await StreamAsync(suite, partnershipId, throughputCitizens);
            booked = await WaitForLedgerAsync(connectionString, partnershipId, throughputCitizens, options.Patience);
            cpuUse = cpu?.Stop();
            messageBytes = OneMilestoneBytes(await tap.LatestBodyAsync());
        }
        var throughput = booked.Count / (booked.Max(b => b.LedgerRecordedAt) - booked.Min(b => b.MilestoneRecordedAt)).TotalSeconds;

        var rate = throughput / 2;
        var latencyCitizens = import.CitizenIds.Skip(options.WarmUpItems + options.ThroughputItems)
            .Take((int)Math.Clamp(rate * options.LatencyDuration.TotalSeconds, 1, options.LatencyItemsAtMost)).ToList();
        await PacedStreamsAsync(suite, partnershipId, latencyCitizens, rate);
        var paced = await WaitForLedgerAsync(connectionString, partnershipId, latencyCitizens, options.Patience);
        return new Result(booked.Count, throughput, messageBytes, rate, new Latencies(paced.Select(b => b.Latency)), cpuUse);
    }

    /// <summary>
    /// The size of an event announcing one milestone, as the suite publishes it: the tapped
    /// event's body with its milestones cut to the first. The ceiling carries each item as a
    /// message of its own, as the suite did before it announced a transaction's milestones
    /// together, so the row's goal keeps its meaning.
    /// </summary>
    private static int OneMilestoneBytes(ReadOnlyMemory<byte> body)
    {
        using var envelope = JsonDocument.Parse(body);
        var milestones = envelope.RootElement.GetProperty("message").GetProperty("milestones");
        var one = $"[{milestones.EnumerateArray().First().GetRawText()}]";
        return body.Length - Encoding.UTF8.GetByteCount(milestones.GetRawText()) + Encoding.UTF8.GetByteCount(one);
    }

    /// <summary>A partnership with the one-week milestone and a rate card pricing it and the handover.</summary>
    private static async Task<string> PrepareAsync(SuiteClients suite, int citizens)
    {
        var partnershipId = await ImportBenchmark.CreatePartnershipAsync(suite, $"benchmark-milestones-{Guid.NewGuid():N}", citizens,
            new Protos.Outcome.V1.MilestoneDefinition
            {
                Code = MilestoneCode, Description = "A first self-sufficient week",
                RuleKind = MilestoneRuleKind.CumulativeSelfSufficientWeeks, Weeks = 1,
            });
        await suite.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = partnershipId,
            EffectiveFrom = ThinSlice.Day(2023, 3, 1),
            HandoverFeeOre = ThinSlice.HandoverFeeOre,
            MilestonePrices = { new MilestonePrice { MilestoneCode = MilestoneCode, AmountOre = ThinSlice.JobStartPriceOre } },
        }, deadline: Deadlines.Call());
        return partnershipId;
    }

    /// <summary>One stream: a week of ordinary employment for each citizen, which reaches the milestone.</summary>
    private static async Task StreamAsync(SuiteClients suite, string partnershipId, IReadOnlyList<string> citizenIds)
    {
        var response = await StatusStreamBenchmark.SendAsync(suite, partnershipId, $"benchmark-milestones-{Guid.NewGuid():N}",
            citizenIds.Select(c => new StatusStreamBenchmark.Row(c, MilestoneWeek, new StatusSequences.Week(WeeklyStatus.OrdinaryEmployment, 37_00))),
            Deadlines.Stream());
        if (response.Accepted != citizenIds.Count)
        {
            throw new InvalidOperationException($"{response.Accepted} of {citizenIds.Count} milestone-reaching rows were accepted ({response.Rejected} rejected).");
        }
    }

    /// <summary>
    /// Milestones at the given rate: every interval a small stream of k rows, k chosen so that a
    /// stream goes at most ten times a second. Streams are started on the clock, not after the
    /// previous answer, so a slow answer does not lower the rate.
    /// </summary>
    private static async Task PacedStreamsAsync(SuiteClients suite, string partnershipId, IReadOnlyList<string> citizenIds, double perSecond)
    {
        var rowsPerStream = Math.Max(1, (int)Math.Ceiling(perSecond / 10));
        var interval = TimeSpan.FromSeconds(rowsPerStream / perSecond);
        var start = DateTime.UtcNow;
        var streams = new List<Task>();
        foreach (var (chunk, i) in citizenIds.Chunk(rowsPerStream).Select((c, i) => (c, i)))
        {
            var due = start + i * interval;
            if (due > DateTime.UtcNow) await Task.Delay(due - DateTime.UtcNow);
            streams.Add(StreamAsync(suite, partnershipId, chunk));
        }
        await Task.WhenAll(streams);
    }

    /// <summary>When a milestone was recorded in the outcome service, and when its ledger item was in the payment service.</summary>
    private sealed record Booked(DateTime MilestoneRecordedAt, DateTime LedgerRecordedAt)
    {
        public TimeSpan Latency => LedgerRecordedAt - MilestoneRecordedAt;
    }

    /// <summary>Waits until every citizen's milestone has its ledger item, and reads both timestamps.</summary>
    private static async Task<IReadOnlyList<Booked>> WaitForLedgerAsync(Func<string, string> connectionString, string partnershipId,
        IReadOnlyList<string> citizenIds, TimeSpan patience)
    {
        var milestones = await Database.TimestampsAsync(connectionString("outcome"),
            "SELECT id::text, recorded_at FROM milestones WHERE partnership_id = $1 AND code = $2 AND citizen_id = ANY($3)",
            Guid.Parse(partnershipId), MilestoneCode, citizenIds.ToArray());
        if (milestones.Count != citizenIds.Count) throw new InvalidOperationException($"{milestones.Count} milestones for {citizenIds.Count} citizens.");
        var causeKeys = milestones.Keys.Select(m => $"milestone:{m}").ToArray();
        await Database.WaitForCountAsync("milestone items in the payment service's ledger", connectionString("payment"),
            "SELECT count(*) FROM ledger_items WHERE cause_key = ANY($1)", causeKeys.Length, patience, [causeKeys]);
        var ledger = await Database.TimestampsAsync(connectionString("payment"),
            "SELECT substr(cause_key, 11), recorded_at FROM ledger_items WHERE cause_key = ANY($1)", [causeKeys]);
        return milestones.Select(m => new Booked(m.Value, ledger[m.Key])).ToList();
    }
}
