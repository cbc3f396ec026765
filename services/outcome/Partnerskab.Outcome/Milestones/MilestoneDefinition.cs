using Partnerskab.Outcome.Claims;

namespace Partnerskab.Outcome.Milestones;

public enum MilestoneRuleKind
{
    /// <summary>Reached by the first verified outcome of <see cref="MilestoneDefinition.OutcomeKind"/>.</summary>
    FirstVerifiedOutcome = 1,
}

/// <summary>One milestone of a partnership, as data: its code (shared with payment's rate card) and rule.</summary>
public sealed class MilestoneDefinition
{
    public Guid PartnershipId { get; set; }
    public required string Code { get; set; }
    public required string Description { get; set; }
    public MilestoneRuleKind RuleKind { get; set; }
    public OutcomeKind? OutcomeKind { get; set; }
}
