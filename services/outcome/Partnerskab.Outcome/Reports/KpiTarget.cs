using Partnerskab.Outcome.Claims;

namespace Partnerskab.Outcome.Reports;

public enum KpiMeasure
{
    CitizensWithOutcome = 1,
    CitizensWithMilestone = 2,
    Employers = 3,
}

/// <summary>A target (måltal) the committee reads the actual count against; what is counted is data.</summary>
public sealed class KpiTarget
{
    public Guid PartnershipId { get; set; }
    public required string Code { get; set; }
    public required string Description { get; set; }
    public KpiMeasure Measure { get; set; }
    public OutcomeKind? OutcomeKind { get; set; }
    public string? MilestoneCode { get; set; }
    public int Target { get; set; }
}
