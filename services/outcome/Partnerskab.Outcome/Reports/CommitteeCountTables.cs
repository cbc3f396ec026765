using NodaTime;

namespace Partnerskab.Outcome.Reports;

/// <summary>A partnership's citizens handed over on a day, and closed out on it having completed the window or exited (<see cref="CommitteeCounts.DayCell"/>).</summary>
public sealed class FollowUpDayCount
{
    public Guid PartnershipId { get; set; }
    public LocalDate Day { get; set; }
    public int Started { get; set; }
    public int Completed { get; set; }
    public int Exited { get; set; }
}

/// <summary>Citizens in follow-up with a status on the days [FromDay, UntilDay) of a week (<see cref="CommitteeCounts.WeekCell"/>).</summary>
public sealed class StatusWeekCount
{
    public Guid PartnershipId { get; set; }
    public LocalDate WeekStart { get; set; }
    public short Status { get; set; }
    public LocalDate FromDay { get; set; }
    public LocalDate UntilDay { get; set; }
    public int Citizens { get; set; }
}

/// <summary>Citizens whose day at M months is this day, by the status of its week or exited before it (<see cref="CommitteeCounts.AtMonthCell"/>).</summary>
public sealed class StatusAtMonthCount
{
    public Guid PartnershipId { get; set; }
    public int Months { get; set; }
    public LocalDate Day { get; set; }
    public short Status { get; set; }
    public int Citizens { get; set; }
}

/// <summary>Citizens closed out on a day, by their final status (<see cref="CommitteeCounts.FinalCell"/>).</summary>
public sealed class FinalStatusCount
{
    public Guid PartnershipId { get; set; }
    public LocalDate Day { get; set; }
    public short Status { get; set; }
    public int Citizens { get; set; }
}

/// <summary>A citizen as it was last counted, so its part is taken away as it was counted when its facts change.</summary>
public sealed class CountedCitizen
{
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LocalDate FollowUpStart { get; set; }
    public LocalDate FollowUpEnd { get; set; }
    public LocalDate? ExitDate { get; set; }
    public bool WronglyEnrolled { get; set; }
    public byte[] DecidedWeekStatuses { get; set; } = [];
    /// <summary>The marks (<see cref="FollowUp.KeptRecount"/>) up to which the citizen's facts were counted: a later recount of one of them counts nothing new.</summary>
    public long RecountedThrough { get; set; }
}
