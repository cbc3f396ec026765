using Partnerskab.Outcome.Claims;

namespace Partnerskab.Outcome.Milestones;

public enum MilestoneRuleKind
{
    /// <summary>Reached by the first verified outcome of <see cref="MilestoneDefinition.OutcomeKind"/>.</summary>
    FirstVerifiedOutcome = 1,
    /// <summary>Reached by <see cref="MilestoneDefinition.Weeks"/> self-sufficient weeks in a row.</summary>
    ConsecutiveSelfSufficientWeeks = 2,
    /// <summary>Reached by <see cref="MilestoneDefinition.Weeks"/> self-sufficient weeks in the window, in a row or not.</summary>
    CumulativeSelfSufficientWeeks = 3,
    /// <summary>Reached when self-sufficient in the ISO week containing handover + <see cref="MilestoneDefinition.Months"/> months.</summary>
    SelfSufficientAtMonth = 4,
}

/// <summary>One milestone of a partnership, as data: its code (shared with payment's rate card) and rule.</summary>
public sealed class MilestoneDefinition
{
    public Guid PartnershipId { get; set; }
    public required string Code { get; set; }
    public required string Description { get; set; }
    public MilestoneRuleKind RuleKind { get; set; }
    public OutcomeKind? OutcomeKind { get; set; }
    public int? Weeks { get; set; }
    public int? Months { get; set; }
}
