using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using ClaimAction = Partnerskab.Outcome.Claims.ClaimAction;
using ClaimHistoryEntry = Partnerskab.Outcome.Claims.ClaimHistoryEntry;
using ClaimStatus = Partnerskab.Outcome.Claims.ClaimStatus;
using Milestone = Partnerskab.Outcome.Milestones.Milestone;
using OutcomeClaim = Partnerskab.Outcome.Claims.OutcomeClaim;
using OutcomeKind = Partnerskab.Outcome.Claims.OutcomeKind;

namespace Partnerskab.Outcome;

public sealed partial class OutcomeGrpcService
{
    /// <summary>Who the history names for the provider's own claim (the request carries no person).</summary>
    private const string Provider = "provider";

    public override async Task<ClaimOutcomeResponse> ClaimOutcome(ClaimOutcomeRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = ValidCitizenId(v, request.CitizenId);
        var claimReference = v.Text(request.ClaimReference, "claim_reference", 100);
        var kind = (OutcomeKind)(int)v.Enum(request.Kind, "kind");
        var content = ValidClaimContent(v, request.OutcomeDate, request.HoursPerWeekHundredths, request.EmployerCvr, request.EvidenceReference);
        ValidForKind(v, kind, content);
        v.ThrowIfInvalid();
        AuditCall.Citizen(partnershipId, citizenId);

        var cancellationToken = context.CancellationToken;
        var citizen = await FollowUpCitizenAsync(partnershipId, citizenId, cancellationToken);
        if (!citizen.InFollowUp(content.OutcomeDate))
        {
            v.Add("outcome_date", citizen.OutsideFollowUpReason($"the outcome date {content.OutcomeDate:uuuu-MM-dd}"));
            v.ThrowIfInvalid();
        }

        // To the microsecond, as PostgreSQL keeps it: the claim answers as every later read will.
        var now = Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / 10 * 10);
        var claim = new OutcomeClaim
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            CitizenId = citizenId,
            ClaimReference = claimReference,
            Kind = kind,
            EmployerCvr = content.EmployerCvr,
            EvidenceReference = content.EvidenceReference,
            Status = ClaimStatus.Claimed,
            ClaimedAt = now,
        };
        claim.Apply(content);
        var existing = await db.Claims.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.ClaimReference == claimReference, cancellationToken);
        if (existing is not null)
        {
            return existing.SameClaimAs(claim)
                ? new ClaimOutcomeResponse { Claim = ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists($"Claim reference '{claimReference}' is already used for another claim ({existing.Id}).");
        }
        db.Claims.Add(claim);
        db.ClaimHistory.Add(claim.Decide(ClaimAction.Claimed, Provider, null, now));
        await db.SaveChangesAsync(cancellationToken);
        return new ClaimOutcomeResponse { Claim = ToProto(claim), Created = true };
    }

    public override async Task<VerifyOutcomeClaimResponse> VerifyOutcomeClaim(VerifyOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var verifiedBy = v.Text(request.VerifiedBy, "verified_by", 100);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var claim = await FindClaimAsync(claimId, context);
        if (claim.Status is ClaimStatus.Rejected or ClaimStatus.Revoked)
        {
            throw DomainException.FailedPrecondition($"Claim {claimId} was {claim.Status.ToString().ToLowerInvariant()} and cannot be verified.");
        }
        var followUp = await EnsureInFollowUpAsync(claim.PartnershipId, claim.CitizenId, claim.OutcomeDate, cancellationToken);

        var response = new VerifyOutcomeClaimResponse();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        claim = await LockedClaimAsync(claim, cancellationToken);
        if (claim.Status == ClaimStatus.Claimed)
        {
            await OpenFollowUpIfUnknownAsync(claim.PartnershipId, claim.CitizenId, followUp, cancellationToken);
            claim.Status = ClaimStatus.Verified;
            var change = await RecordDecisionAsync(claim, ClaimAction.Verified, verifiedBy, null, cancellationToken);
            response.MilestonesReached.AddRange(change.Reached.Select(ToProto));
        }
        await transaction.CommitAsync(cancellationToken);
        response.Claim = ToProto(claim);
        return response;
    }

    public override async Task<RejectOutcomeClaimResponse> RejectOutcomeClaim(RejectOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var rejectedBy = v.Text(request.RejectedBy, "rejected_by", 100);
        var reason = v.Text(request.Reason, "reason", 500);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Under the citizen's lock, so a verification running at the same time cannot slip between.
        var claim = await LockedClaimAsync(await FindClaimAsync(claimId, context), cancellationToken);
        switch (claim.Status)
        {
            case ClaimStatus.Verified or ClaimStatus.Revoked:
                throw DomainException.FailedPrecondition($"Claim {claimId} was verified; a verified outcome is revoked, not rejected.");
            case ClaimStatus.Rejected when claim.DecisionReason != reason:
                throw DomainException.FailedPrecondition($"Claim {claimId} was already rejected for another reason: {claim.DecisionReason}");
            case ClaimStatus.Claimed:
                claim.Status = ClaimStatus.Rejected;
                await RecordDecisionAsync(claim, ClaimAction.Rejected, rejectedBy, reason, cancellationToken);
                break;
        }
        await transaction.CommitAsync(cancellationToken);
        return new RejectOutcomeClaimResponse { Claim = ToProto(claim) };
    }

    public override async Task<CorrectOutcomeClaimResponse> CorrectOutcomeClaim(CorrectOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var correctedBy = v.Text(request.CorrectedBy, "corrected_by", 100);
        var reason = v.Text(request.Reason, "reason", 500);
        var content = ValidClaimContent(v, request.OutcomeDate, request.HoursPerWeekHundredths, request.EmployerCvr, request.EvidenceReference);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var claim = await FindClaimAsync(claimId, context);
        // The kind cannot change, so the rules that depend on it are checked once the claim is known.
        ValidForKind(v, claim.Kind, content);
        v.ThrowIfInvalid();
        if (claim.Status != ClaimStatus.Verified)
        {
            throw DomainException.FailedPrecondition($"Claim {claimId} is {claim.Status.ToString().ToLowerInvariant()}; only a verified claim is corrected.");
        }
        if (claim.SameContentAs(content)) return new CorrectOutcomeClaimResponse { Claim = ToProto(claim) };
        var followUp = await EnsureInFollowUpAsync(claim.PartnershipId, claim.CitizenId, content.OutcomeDate, cancellationToken);

        var response = new CorrectOutcomeClaimResponse();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        claim = await LockedClaimAsync(claim, cancellationToken);
        if (claim.Status != ClaimStatus.Verified)
        {
            throw DomainException.FailedPrecondition($"Claim {claimId} was {claim.Status.ToString().ToLowerInvariant()} meanwhile; only a verified claim is corrected.");
        }
        if (!claim.SameContentAs(content))
        {
            await OpenFollowUpIfUnknownAsync(claim.PartnershipId, claim.CitizenId, followUp, cancellationToken);
            claim.Apply(content);
            var change = await RecordDecisionAsync(claim, ClaimAction.Corrected, correctedBy, reason, cancellationToken);
            response.MilestonesReached.AddRange(change.Reached.Select(ToProto));
            response.MilestonesRevoked.AddRange(change.Revoked.Select(ToProto));
        }
        await transaction.CommitAsync(cancellationToken);
        response.Claim = ToProto(claim);
        return response;
    }

    public override async Task<RevokeOutcomeClaimResponse> RevokeOutcomeClaim(RevokeOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        var revokedBy = v.Text(request.RevokedBy, "revoked_by", 100);
        var reason = v.Text(request.Reason, "reason", 500);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var response = new RevokeOutcomeClaimResponse();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await LockedClaimAsync(await FindClaimAsync(claimId, context), cancellationToken);
        switch (claim.Status)
        {
            case ClaimStatus.Claimed or ClaimStatus.Rejected:
                throw DomainException.FailedPrecondition($"Claim {claimId} is {claim.Status.ToString().ToLowerInvariant()}; only a verified claim is revoked (an unverified one is rejected).");
            case ClaimStatus.Revoked when claim.DecisionReason != reason:
                throw DomainException.FailedPrecondition($"Claim {claimId} was already revoked for another reason: {claim.DecisionReason}");
            case ClaimStatus.Verified:
                claim.Status = ClaimStatus.Revoked;
                var change = await RecordDecisionAsync(claim, ClaimAction.Revoked, revokedBy, reason, cancellationToken);
                response.MilestonesRevoked.AddRange(change.Revoked.Select(ToProto));
                response.MilestonesReached.AddRange(change.Reached.Select(ToProto));
                break;
        }
        await transaction.CommitAsync(cancellationToken);
        response.Claim = ToProto(claim);
        return response;
    }

    public override async Task<GetOutcomeClaimResponse> GetOutcomeClaim(GetOutcomeClaimRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var claimId = v.Id(request.ClaimId, "claim_id");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var claim = await FindClaimAsync(claimId, context);
        var history = await db.ClaimHistory.AsNoTracking()
            .Where(e => e.ClaimId == claimId)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return new GetOutcomeClaimResponse { Claim = ToProto(claim), History = { history.Select(ToProto) } };
    }

    private static ClaimContent ValidClaimContent(RequestValidator v, Google.Type.Date? outcomeDate, int hoursPerWeekHundredths, string employerCvr, string evidenceReference)
    {
        var date = v.Date(outcomeDate, "outcome_date");
        v.Check(hoursPerWeekHundredths is >= 0 and <= 168_00, "hours_per_week_hundredths", "must be between 0 and 16800 (168 hours)");
        if (employerCvr.Length > 0) v.Digits(employerCvr, "employer_cvr", 8);
        var evidence = v.Text(evidenceReference, "evidence_reference");
        return new ClaimContent(date, hoursPerWeekHundredths, employerCvr, evidence);
    }

    /// <summary>A job start needs its hours and the employer's CVR number.</summary>
    private static void ValidForKind(RequestValidator v, OutcomeKind kind, ClaimContent content)
    {
        if (kind != OutcomeKind.JobStart) return;
        v.Check(content.HoursPerWeekHundredths > 0, "hours_per_week_hundredths", "is required for a job start");
        if (content.EmployerCvr.Length == 0) v.Digits(content.EmployerCvr, "employer_cvr", 8);
    }

    /// <summary>
    /// Asks the cohort service, not the local read model: it alone is sure to know of exits, and
    /// a verification or correction is the moment money is decided.
    /// </summary>
    private async Task<CohortLookup.FollowUpAnswer> EnsureInFollowUpAsync(Guid partnershipId, string citizenId, LocalDate outcomeDate, CancellationToken cancellationToken)
    {
        var followUp = await cohort.FollowUpStatusAsync(partnershipId, citizenId, outcomeDate, cancellationToken)
            ?? throw DomainException.FailedPrecondition($"The cohort service does not know citizen {citizenId} in partnership {partnershipId}.");
        if (!followUp.InFollowUp)
        {
            throw DomainException.FailedPrecondition(
                $"The outcome date {outcomeDate:uuuu-MM-dd} is outside the citizen's follow-up {followUp.Start:uuuu-MM-dd} to {followUp.End:uuuu-MM-dd} (or after an exit).");
        }
        return followUp;
    }

    /// <summary>
    /// Keeps the decision in the claim's history and recomputes the citizen's milestones in the
    /// same transaction (a rejection changes no verified fact, so it reaches or revokes nothing).
    /// </summary>
    private async Task<MilestoneRecalculation.Change> RecordDecisionAsync(OutcomeClaim claim, ClaimAction action, string by, string? reason, CancellationToken cancellationToken)
    {
        db.ClaimHistory.Add(claim.Decide(action, by, reason, clock.GetCurrentInstant()));
        var cause = $"claim {claim.Id} {action.ToString().ToLowerInvariant()} by {by}" + (reason is null ? "" : $" ({reason})");
        return await recalculation.RecalculateAsync(claim.PartnershipId, [claim.CitizenId], cause, cancellationToken);
    }

    /// <summary>The claim, if it belongs to a partnership the caller may act for (see <see cref="Caller.EnsureMayActFor{T}"/>).</summary>
    private async Task<OutcomeClaim> FindClaimAsync(Guid claimId, ServerCallContext context)
    {
        var claim = context.Caller().EnsureMayActFor(
            await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, context.CancellationToken),
            c => c.PartnershipId, $"Claim {claimId} does not exist.");
        AuditCall.Citizen(claim.PartnershipId, claim.CitizenId);
        return claim;
    }

    /// <summary>Takes the citizen's lock (every change to the citizen's facts takes it) and reads the claim again under it, tracked.</summary>
    private async Task<OutcomeClaim> LockedClaimAsync(OutcomeClaim claim, CancellationToken cancellationToken)
    {
        await recalculation.LockCitizensAsync(claim.PartnershipId, [claim.CitizenId], cancellationToken);
        return await db.Claims.FirstAsync(c => c.Id == claim.Id, cancellationToken);
    }

    /// <summary>The citizen's follow-up, from the handover event or, if it has not arrived, from the cohort service.</summary>
    private async Task<FollowUpCitizen> FollowUpCitizenAsync(Guid partnershipId, string citizenId, CancellationToken cancellationToken)
    {
        var known = await db.FollowUpCitizens.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken);
        if (known is not null) return known;

        var today = clock.Today();
        var answer = await cohort.FollowUpStatusAsync(partnershipId, citizenId, today, cancellationToken)
            ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");
        return answer.ToFollowUpCitizen(partnershipId, citizenId);
    }

    private static string ValidCitizenId(RequestValidator v, string citizenId)
    {
        v.Check(citizenId.Length == 32 && citizenId.All(char.IsAsciiHexDigitLower), "citizen_id",
            "must be a citizen pseudonym (32 lowercase hex characters)");
        return citizenId;
    }

    private static Protos.Outcome.V1.OutcomeClaim ToProto(OutcomeClaim c) => new()
    {
        ClaimId = c.Id.ToString(),
        PartnershipId = c.PartnershipId.ToString(),
        CitizenId = c.CitizenId,
        ClaimReference = c.ClaimReference,
        Kind = (Protos.Outcome.V1.OutcomeKind)(int)c.Kind,
        OutcomeDate = c.OutcomeDate.ToProto(),
        HoursPerWeekHundredths = c.HoursPerWeekHundredths,
        EmployerCvr = c.EmployerCvr,
        EvidenceReference = c.EvidenceReference,
        Status = (Protos.Outcome.V1.ClaimStatus)(int)c.Status,
        DecidedBy = c.DecidedBy ?? "",
        DecisionReason = c.DecisionReason ?? "",
        ClaimedAt = Timestamp.FromDateTimeOffset(c.ClaimedAt.ToDateTimeOffset()),
    };

    private static Protos.Outcome.V1.ClaimHistoryEntry ToProto(ClaimHistoryEntry e) => new()
    {
        Action = (Protos.Outcome.V1.ClaimAction)(int)e.Action,
        By = e.By,
        Reason = e.Reason,
        At = Timestamp.FromDateTimeOffset(e.At.ToDateTimeOffset()),
        OutcomeDate = e.OutcomeDate.ToProto(),
        HoursPerWeekHundredths = e.HoursPerWeekHundredths,
        EmployerCvr = e.EmployerCvr,
        EvidenceReference = e.EvidenceReference,
    };

    private static Protos.Outcome.V1.Milestone ToProto(Milestone m) => new()
    {
        MilestoneId = m.Id.ToString(),
        PartnershipId = m.PartnershipId.ToString(),
        CitizenId = m.CitizenId,
        Code = m.Code,
        AchievedOn = m.AchievedOn.ToProto(),
        BasisClaimIds = { m.BasisClaimIds.Select(id => id.ToString()) },
        BasisWeekStarts = { m.BasisWeekStarts.Select(w => w.ToProto()) },
        Revoked = m.Revoked,
        RevokedOn = m.RevokedOn?.ToProto(),
        RevocationReason = m.RevocationReason ?? "",
    };
}
