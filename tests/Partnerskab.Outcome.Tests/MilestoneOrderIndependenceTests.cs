using FsCheck.Xunit;
using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Outcome.Timeline;
using static Partnerskab.Outcome.Milestones.MilestoneEngine;

namespace Partnerskab.Outcome.Tests;

/// <summary>
/// The recalculation's decision, run after every delivery of one citizen's facts as the service
/// runs it: the citizen's decided weeks as status ingestion keeps them, the verified claims as
/// the claim lifecycle leaves them, the exit as the exit consumer records it, then
/// <see cref="MilestoneRecalculation.FactsOf"/>, the engine and <see cref="MilestoneDifference"/>
/// over the milestones standing so far. Each revocation credits the milestone's price and each
/// milestone reached books it, as payment's ledger does.
/// </summary>
public sealed class MilestoneOrderIndependenceTests
{
    private static readonly LocalDate Start = new(2023, 4, 3);

    private static readonly MilestoneDefinition[] Definitions =
    [
        new() { Code = "JOB_START", Description = "", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.JobStart },
        new() { Code = "EDUCATION", Description = "", RuleKind = MilestoneRuleKind.FirstVerifiedOutcome, OutcomeKind = OutcomeKind.EducationStart },
        new() { Code = "IN_A_ROW_4", Description = "", RuleKind = MilestoneRuleKind.ConsecutiveSelfSufficientWeeks, Weeks = 4 },
        new() { Code = "IN_ALL_6", Description = "", RuleKind = MilestoneRuleKind.CumulativeSelfSufficientWeeks, Weeks = 6 },
        new() { Code = "AT_MONTH_3", Description = "", RuleKind = MilestoneRuleKind.SelfSufficientAtMonth, Months = 3 },
    ];

    private static long PriceOf(string code) => 100_000L * (Array.FindIndex(Definitions, d => d.Code == code) + 1);

    /// <summary>One fact as it reaches the outcome service.</summary>
    private abstract record Fact;
    private sealed record StatusReported(WeeklyTimeline.Report Report) : Fact;
    private sealed record ClaimVerified(Guid ClaimId, OutcomeKind Kind, LocalDate Date) : Fact;
    private sealed record ClaimCorrected(Guid ClaimId, LocalDate Date) : Fact;
    private sealed record ClaimRevoked(Guid ClaimId) : Fact;
    private sealed record CitizenExited(LocalDate ExitDate) : Fact;

    [Property(MaxTest = 300)]
    public bool Any_order_and_batching_of_a_citizens_facts_leaves_the_same_milestones_and_the_same_net_ledger(
        int[] weeks, int[] claims, int exit, int seed)
    {
        var chains = Chains(weeks, claims, exit);
        var random = new Random(seed);

        var one = Deliver(Interleave(chains, random), random);
        var other = Deliver(Interleave(chains, random), random);

        var allAtOnce = Reach(Definitions, MilestoneRecalculation.FactsOf(Apply(chains.SelectMany(c => c)), Outcomes(chains.SelectMany(c => c)))!)
            .Select(r => (r.Code, r.AchievedOn)).ToList();
        var expectedLedger = allAtOnce.ToDictionary(m => m.Code, m => PriceOf(m.Code));
        return one.Standing.SequenceEqual(allAtOnce) && other.Standing.SequenceEqual(allAtOnce)
            && SameLedger(one.NetByCode, expectedLedger) && SameLedger(other.NetByCode, expectedLedger);
    }

    /// <summary>
    /// The citizen's facts as chains whose order reality fixes (a claim is verified before it is
    /// corrected or revoked); facts of different chains may arrive in any order.
    /// </summary>
    private static List<List<Fact>> Chains(int[] weeks, int[] claims, int exit)
    {
        var chains = weeks
            .Select(w => new WeeklyTimeline.Report(
                Start.PlusWeeks(Math.Abs(w % 30)),
                (w & 1) == 0 ? StatusSource.Provider : StatusSource.Register,
                Math.Abs(w / 2 % 4) == 0 ? WeeklyStatusKind.SicknessBenefit : WeeklyStatusKind.OrdinaryEmployment,
                0))
            .DistinctBy(r => (r.WeekStart, r.Source))
            .Select(r => new List<Fact> { new StatusReported(r) })
            .ToList();
        foreach (var (spec, n) in claims.Take(6).Select((c, n) => (c, n)))
        {
            var claimId = new Guid(n + 1, 0, 0, new byte[8]);
            var chain = new List<Fact> { new ClaimVerified(claimId, (spec & 1) == 0 ? OutcomeKind.JobStart : OutcomeKind.EducationStart, Start.PlusDays(Math.Abs(spec % 200))) };
            if (Math.Abs(spec / 2 % 3) >= 1) chain.Add(new ClaimCorrected(claimId, Start.PlusDays(Math.Abs(spec / 7 % 200))));
            if (Math.Abs(spec / 2 % 3) == 2 && (spec & 4) != 0) chain.Add(new ClaimRevoked(claimId));
            chains.Add(chain);
        }
        if (exit % 3 == 0) chains.Add([new CitizenExited(Start.PlusDays(Math.Abs(exit % 250) + 1))]);
        return chains;
    }

    /// <summary>A random interleaving of the chains, each chain's facts in their own order.</summary>
    private static List<Fact> Interleave(List<List<Fact>> chains, Random random)
    {
        var heads = chains.Select(c => new Queue<Fact>(c)).ToList();
        var order = new List<Fact>();
        while (heads.Count > 0)
        {
            var pick = heads[random.Next(heads.Count)];
            order.Add(pick.Dequeue());
            if (pick.Count == 0) heads.Remove(pick);
        }
        return order;
    }

    /// <summary>Delivers the facts in batches of one to four, recalculating after each batch.</summary>
    private static (List<(string Code, LocalDate Day)> Standing, Dictionary<string, long> NetByCode) Deliver(List<Fact> facts, Random random)
    {
        var standing = new List<Milestone>();
        var net = new Dictionary<string, long>();
        for (var delivered = 0; delivered < facts.Count;)
        {
            delivered = Math.Min(facts.Count, delivered + random.Next(1, 5));
            var known = facts.Take(delivered).ToList();
            var engineFacts = MilestoneRecalculation.FactsOf(Apply(known), Outcomes(known));
            var difference = MilestoneDifference.Between(standing, engineFacts is null ? [] : Reach(Definitions, engineFacts));
            foreach (var revoked in difference.Revoked)
            {
                standing.Remove(revoked.Milestone);
                net[revoked.Milestone.Code] = net.GetValueOrDefault(revoked.Milestone.Code) - PriceOf(revoked.Milestone.Code);
            }
            foreach (var reached in difference.Reached)
            {
                standing.Add(new Milestone { Id = Guid.NewGuid(), CitizenId = "c", Code = reached.Code, AchievedOn = reached.AchievedOn });
                net[reached.Code] = net.GetValueOrDefault(reached.Code) + PriceOf(reached.Code);
            }
        }
        return (standing.OrderBy(m => m.Code, StringComparer.Ordinal).Select(m => (m.Code, m.AchievedOn)).ToList(), net);
    }

    /// <summary>The citizen as the outcome service holds it after these facts: decided weeks and exit.</summary>
    private static FollowUpCitizen Apply(IEnumerable<Fact> facts)
    {
        var citizen = new FollowUpCitizen { CitizenId = "c", FollowUpStart = Start, FollowUpEnd = Start.PlusMonths(24) };
        foreach (var fact in facts)
        {
            if (fact is StatusReported status) citizen.DecidedWeekStatuses = citizen.Weeks.With([status.Report]);
            if (fact is CitizenExited exited) (citizen.ExitDate, citizen.ExitReason) = (exited.ExitDate, Contracts.ExitReason.Withdrew);
        }
        return citizen;
    }

    /// <summary>The verified claims after these facts, as the claim lifecycle leaves them.</summary>
    private static List<VerifiedOutcome> Outcomes(IEnumerable<Fact> facts)
    {
        var verified = new Dictionary<Guid, VerifiedOutcome>();
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case ClaimVerified v: verified[v.ClaimId] = new VerifiedOutcome(v.ClaimId, v.Kind, v.Date); break;
                case ClaimCorrected c: verified[c.ClaimId] = verified[c.ClaimId] with { Date = c.Date }; break;
                case ClaimRevoked r: verified.Remove(r.ClaimId); break;
            }
        }
        return [.. verified.Values];
    }

    private static bool SameLedger(Dictionary<string, long> net, Dictionary<string, long> expected) =>
        net.Where(n => n.Value != 0).OrderBy(n => n.Key).SequenceEqual(expected.OrderBy(e => e.Key));
}
