using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Outcome.History;

/// <summary>
/// What the suite knew at the end of a Copenhagen day: the facts recorded before the next day
/// began, each in the version current then. The day is the kommune's, as "today" is, so a report
/// presented on a day is reproduced by asking as known on that day. Pure.
/// </summary>
public readonly record struct KnownOn(LocalDate Day)
{
    /// <summary>The first moment after the day: a fact recorded before it was known on the day.</summary>
    public Instant End => Day.PlusDays(1).AtStartOfDayInZone(DanishCalendar.Copenhagen).ToInstant();

    public bool Knew(Instant recordedAt) => recordedAt < End;

    /// <summary>The request's known_on, or null (as known now) when unset; a day after today is refused.</summary>
    public static KnownOn? Valid(RequestValidator v, Google.Type.Date? knownOn, IClock clock)
    {
        if (knownOn is null) return null;
        var day = v.Date(knownOn, "known_on");
        if (v.IsValid && day > clock.Today()) v.Add("known_on", $"must not be after today ({clock.Today():uuuu-MM-dd}): what will be known is not known yet");
        return new KnownOn(day);
    }

    /// <summary>The day a report is as of when the request names none: the known-on day, so that alone gives the report as it was presented that day; else today.</summary>
    public static LocalDate DefaultAsOf(KnownOn? knownOn, IClock clock) => knownOn?.Day ?? clock.Today();

    /// <summary>
    /// The citizen as known on the day, in the follow-up window known then, or null when its
    /// handover was not known yet; an exit learnt later is not known.
    /// </summary>
    public FollowUpCitizen? Citizen(FollowUpCitizen citizen, (LocalDate Start, LocalDate End) window, byte[] decidedWeekStatuses)
    {
        if (citizen.RecordedAt is { } recorded && !Knew(recorded)) return null;
        var exitKnown = citizen.ExitRecordedAt is not { } exitRecorded || Knew(exitRecorded);
        return new FollowUpCitizen
        {
            PartnershipId = citizen.PartnershipId,
            CitizenId = citizen.CitizenId,
            FollowUpStart = window.Start,
            FollowUpEnd = window.End,
            ExitDate = exitKnown ? citizen.ExitDate : null,
            ExitReason = exitKnown ? citizen.ExitReason : null,
            RecordedAt = citizen.RecordedAt,
            ExitRecordedAt = exitKnown ? citizen.ExitRecordedAt : null,
            ErasedOn = citizen.ErasedOn,
            DecidedWeekStatuses = decidedWeekStatuses,
        };
    }

    /// <summary>
    /// A claim as known on the day from its history (the steps in any order): its status and
    /// content after the last step recorded by then; null when it was not claimed yet.
    /// </summary>
    public (ClaimStatus Status, ClaimContent Content)? Claim(IEnumerable<ClaimHistoryEntry> history)
    {
        var end = End;
        var last = history.Where(h => h.At < end).OrderBy(h => h.At).ThenBy(h => h.Id).LastOrDefault();
        return last is null ? null : (StatusAfter(last.Action), new ClaimContent(last.OutcomeDate, last.HoursPerWeekHundredths, last.EmployerCvr, last.EvidenceReference));
    }

    /// <summary>The milestone as known on the day, or null when it was not reached yet; a revocation learnt later is not known.</summary>
    public Milestone? Milestone(Milestone milestone)
    {
        if (!Knew(milestone.RecordedAt)) return null;
        if (milestone.RevokedAt is not { } revokedAt || Knew(revokedAt)) return milestone;
        return new Milestone
        {
            Id = milestone.Id,
            PartnershipId = milestone.PartnershipId,
            CitizenId = milestone.CitizenId,
            Code = milestone.Code,
            AchievedOn = milestone.AchievedOn,
            BasisClaimIds = milestone.BasisClaimIds,
            BasisWeekStarts = milestone.BasisWeekStarts,
            RecordedAt = milestone.RecordedAt,
        };
    }

    /// <summary>The status a claim has after a step.</summary>
    public static ClaimStatus StatusAfter(ClaimAction action) => action switch
    {
        ClaimAction.Claimed => ClaimStatus.Claimed,
        ClaimAction.Verified or ClaimAction.Corrected => ClaimStatus.Verified,
        ClaimAction.Rejected => ClaimStatus.Rejected,
        ClaimAction.Revoked => ClaimStatus.Revoked,
        _ => throw new InvalidOperationException($"Unknown claim action {action}."),
    };
}
