using NodaTime;
using Partnerskab.Contracts;

namespace Partnerskab.Cohort.Handover;

public enum CitizenStatus
{
    InFollowUp = 1,
    Completed = 2,
    Exited = 3,
}

/// <summary>A citizen handed over to a partnership's provider, known by pseudonym only.</summary>
public sealed class Citizen
{
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LocalDate HandoverDate { get; set; }
    public LocalDate FollowUpEnd { get; set; }
    public BenefitType BenefitType { get; set; }
    public int WeeksSickListed { get; set; }
    public required string CaseReference { get; set; }
    public Instant HandedOverAt { get; set; }
    public string? AdvisorId { get; set; }
    public LocalDate? ExitDate { get; set; }
    public ExitReason? ExitReason { get; set; }
    /// <summary>Set once the retention period has passed and the personal fields were erased.</summary>
    public LocalDate? ErasedOn { get; set; }

    /// <summary>
    /// Erases what identifies or describes the person (the jobcenter's case reference, the
    /// advisor, the weeks sick-listed); what the cohort's counts and capacity rest on stays.
    /// </summary>
    public void EraseOn(LocalDate day)
    {
        CaseReference = "";
        WeeksSickListed = 0;
        AdvisorId = null;
        ErasedOn = day;
    }

    public FollowUpWindow FollowUp => new(HandoverDate, FollowUpEnd);

    /// <summary>Whether the citizen holds a place in the cohort: all do but the wrongly enrolled.</summary>
    public bool TakesPlace => ExitReason != Contracts.ExitReason.WronglyEnrolled;

    /// <summary>Where the citizen stands on a day.</summary>
    public CitizenStatus StatusOn(LocalDate day) =>
        ExitDate is { } exit && exit <= day ? CitizenStatus.Exited
        : day >= FollowUpEnd ? CitizenStatus.Completed
        : CitizenStatus.InFollowUp;

    /// <summary>Whether the provider's follow-up obligations cover the day: inside the window and before any exit.</summary>
    public bool InFollowUpOn(LocalDate day) =>
        FollowUp.Contains(day) && ExitReason != Contracts.ExitReason.WronglyEnrolled && (ExitDate is not { } exit || day < exit);

    public bool SameHandoverAs(Citizen other) =>
        HandoverDate == other.HandoverDate && BenefitType == other.BenefitType
        && WeeksSickListed == other.WeeksSickListed && CaseReference == other.CaseReference;
}
