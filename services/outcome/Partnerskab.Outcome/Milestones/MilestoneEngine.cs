using NodaTime;
using Partnerskab.Outcome.Claims;

namespace Partnerskab.Outcome.Milestones;

/// <summary>
/// Decides which milestones a citizen has reached from the partnership's definitions and the
/// citizen's verified outcomes. Pure: the same facts give the same answer in any order.
/// </summary>
public static class MilestoneEngine
{
    public sealed record VerifiedOutcome(Guid ClaimId, OutcomeKind Kind, LocalDate Date);

    public sealed record Reached(string Code, LocalDate AchievedOn, IReadOnlyList<Guid> BasisClaimIds);

    /// <summary>
    /// Milestones reached inside the follow-up window [windowStart, windowEnd) that are not
    /// among <paramref name="alreadyReached"/>: each milestone is reached at most once.
    /// </summary>
    public static IReadOnlyList<Reached> NewlyReached(
        IEnumerable<MilestoneDefinition> definitions,
        IReadOnlyCollection<VerifiedOutcome> verified,
        LocalDate windowStart,
        LocalDate windowEnd,
        IReadOnlySet<string> alreadyReached)
    {
        var inWindow = verified.Where(o => o.Date >= windowStart && o.Date < windowEnd).ToList();
        var reached = new List<Reached>();
        foreach (var definition in definitions.Where(d => !alreadyReached.Contains(d.Code)).OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var result = definition.RuleKind switch
            {
                MilestoneRuleKind.FirstVerifiedOutcome => FirstVerifiedOutcome(definition, inWindow),
                _ => throw new InvalidOperationException($"Unknown milestone rule {definition.RuleKind}."),
            };
            if (result is not null) reached.Add(result);
        }
        return reached;
    }

    private static Reached? FirstVerifiedOutcome(MilestoneDefinition definition, IEnumerable<VerifiedOutcome> outcomes)
    {
        var first = outcomes
            .Where(o => o.Kind == definition.OutcomeKind)
            .OrderBy(o => o.Date)
            .ThenBy(o => o.ClaimId)
            .FirstOrDefault();
        return first is null ? null : new Reached(definition.Code, first.Date, [first.ClaimId]);
    }
}
