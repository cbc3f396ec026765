namespace Partnerskab.Outcome.Checkpoints;

/// <summary>How a partnership's provider must follow each citizen: the rules of the follow-up schedule, as data.</summary>
public sealed class FollowUpPlan
{
    public Guid PartnershipId { get; set; }
    /// <summary>A contact is due in every period of this many weeks from handover.</summary>
    public int ContactIntervalWeeks { get; set; }
    /// <summary>Months after handover at which the week's status is due, ascending.</summary>
    public List<int> StatusCheckpointMonths { get; set; } = [];
    /// <summary>More days than this without contact leaves a citizen on the worklist.</summary>
    public int NoContactDays { get; set; }
}
