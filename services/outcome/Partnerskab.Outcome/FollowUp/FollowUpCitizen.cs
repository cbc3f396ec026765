using NodaTime;
using Partnerskab.Outcome.Timeline;
using Partnerskab.Contracts;

namespace Partnerskab.Outcome.FollowUp;

/// <summary>
/// What this service knows of a handed-over citizen: the follow-up window [FollowUpStart,
/// FollowUpEnd) and an exit, if any. Filled from the cohort service's CitizenHandedOver and
/// CitizenExited events, or from asking the cohort service when the handover has not arrived yet.
/// </summary>
public sealed class FollowUpCitizen
{
    public Guid PartnershipId { get; set; }
    public required string CitizenId { get; set; }
    public LocalDate FollowUpStart { get; set; }
    public LocalDate FollowUpEnd { get; set; }
    /// <summary>Follow-up stops on this day (it is not itself in follow-up).</summary>
    public LocalDate? ExitDate { get; set; }
    public ExitReason? ExitReason { get; set; }
    /// <summary>When this service learnt of the citizen's handover; null for citizens known before it kept the moment.</summary>
    public Instant? RecordedAt { get; set; }
    /// <summary>When this service learnt of the current window (a moved handover date); null while it is the handover's own.</summary>
    public Instant? WindowRecordedAt { get; set; }
    /// <summary>When this service learnt of the exit; null for exits known before it kept the moment.</summary>
    public Instant? ExitRecordedAt { get; set; }
    /// <summary>Set once the cohort service erased the citizen's data (CitizenDataErased); its facts are gone.</summary>
    public LocalDate? ErasedOn { get; set; }
    /// <summary>The decided status of each week, kept with the reports (<see cref="DecidedWeeks"/>).</summary>
    public byte[] DecidedWeekStatuses { get; set; } = [];

    public DecidedWeeks Weeks => new(FollowUpStart, DecidedWeekStatuses);

    public bool WasWronglyEnrolled => ExitReason == Contracts.ExitReason.WronglyEnrolled;

    public FollowUpWindow Window => new(FollowUpStart, FollowUpEnd, ExitDate);

    public bool InFollowUp(LocalDate date) => !WasWronglyEnrolled && Window.Contains(date);

    /// <summary>Why a date is not in follow-up, for a rejection the sender can act on.</summary>
    public string OutsideFollowUpReason(string what) => WasWronglyEnrolled
        ? "the citizen was exited as wrongly enrolled and was never in follow-up"
        : Window.OutsideReason(what, ExitReason?.ToString());
}
