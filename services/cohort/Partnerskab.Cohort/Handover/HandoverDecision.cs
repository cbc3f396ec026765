using NodaTime;
using Partnerskab.Cohort.Partnerships;

namespace Partnerskab.Cohort.Handover;

/// <summary>A handover request whose fields are each well-formed.</summary>
public sealed record HandoverCandidate(CprNumber Cpr, LocalDate HandoverDate, BenefitType BenefitType, int WeeksSickListed, string CaseReference);

/// <summary>
/// What becomes of one handover, for a single call and for each row of an import alike. A
/// citizen already handed over with the same data is unchanged even after the handover window
/// has closed, so kommune systems can re-send their whole list every night.
/// </summary>
public static class HandoverDecision
{
    public abstract record Outcome;

    public sealed record Accepted(Citizen Citizen) : Outcome;

    public sealed record Unchanged(Citizen Existing) : Outcome;

    public sealed record Ineligible(IReadOnlyList<(string Field, string Reason)> Violations) : Outcome;

    public sealed record HandedOverWithOtherData(Citizen Existing) : Outcome;

    public sealed record CohortFull(int PlacesTaken, int Capacity) : Outcome;

    /// <summary>Another citizen of the partnership has the candidate's case reference: a case reference names one citizen.</summary>
    public sealed record CaseReferenceTaken(string CitizenId) : Outcome;

    /// <param name="caseReferenceHolder">The citizen of the partnership whose case reference the candidate's is, if any.</param>
    public static Outcome Decide(Partnership partnership, HandoverCandidate candidate, string citizenId, Citizen? existing, string? caseReferenceHolder,
        int placesTaken, Instant now)
    {
        var window = FollowUpWindow.From(candidate.HandoverDate, partnership.Terms.FollowUpMonths);
        var citizen = new Citizen
        {
            PartnershipId = partnership.Id,
            CitizenId = citizenId,
            HandoverDate = window.Start,
            FollowUpEnd = window.End,
            BenefitType = candidate.BenefitType,
            WeeksSickListed = candidate.WeeksSickListed,
            CaseReference = candidate.CaseReference,
            HandedOverAt = now,
        };
        if (existing is not null)
        {
            return existing.SameHandoverAs(citizen) ? new Unchanged(existing) : new HandedOverWithOtherData(existing);
        }
        if (caseReferenceHolder is not null && caseReferenceHolder != citizenId)
        {
            return new CaseReferenceTaken(caseReferenceHolder);
        }
        var violations = HandoverRules.Violations(partnership.Terms, candidate.HandoverDate, candidate.BenefitType, candidate.WeeksSickListed);
        if (violations.Count > 0)
        {
            return new Ineligible(violations);
        }
        return placesTaken >= partnership.Terms.CohortCapacity
            ? new CohortFull(placesTaken, partnership.Terms.CohortCapacity)
            : new Accepted(citizen);
    }
}
