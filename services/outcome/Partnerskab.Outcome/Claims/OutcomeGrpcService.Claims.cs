using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Contracts.Outcome;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Outcome.Claims;
using Partnerskab.Outcome.FollowUp;
using Partnerskab.Outcome.Milestones;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using ClaimStatus = Partnerskab.Outcome.Claims.ClaimStatus;
using Milestone = Partnerskab.Outcome.Milestones.Milestone;
using OutcomeClaim = Partnerskab.Outcome.Claims.OutcomeClaim;
using OutcomeKind = Partnerskab.Outcome.Claims.OutcomeKind;

namespace Partnerskab.Outcome;

public sealed partial class OutcomeGrpcService
{
    public override async Task<ClaimOutcomeResponse> ClaimOutcome(ClaimOutcomeRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = ValidCitizenId(v, request.CitizenId);
        var claimReference = v.Text(request.ClaimReference, "claim_reference", 100);
        v.Enum(request.Kind, "kind");
        var outcomeDate = v.Date(request.OutcomeDate, "outcome_date");
        v.Check(request.HoursPerWeekHundredths is >= 0 and <= 168_00, "hours_per_week_hundredths", "must be between 0 and 16800 (168 hours)");
        if (request.Kind == Protos.Outcome.V1.OutcomeKind.JobStart)
        {
            v.Check(request.HoursPerWeekHundredths > 0, "hours_per_week_hundredths", "is required for a job start");
            v.Digits(request.EmployerCvr, "employer_cvr", 8);
        }
        else if (request.EmployerCvr.Length > 0)
        {
            v.Digits(request.EmployerCvr, "employer_cvr", 8);
        }
        var evidence = v.Text(request.EvidenceReference, "evidence_reference");
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        var citizen = await FollowUpCitizenAsync(partnershipId, citizenId, cancellationToken);
        if (!citizen.InFollowUp(outcomeDate))
        {
            v.Add("outcome_date", $"must be inside the citizen's follow-up window {citizen.FollowUpStart:uuuu-MM-dd} to {citizen.FollowUpEnd:uuuu-MM-dd} (end exclusive)");
            v.ThrowIfInvalid();
        }

        var claim = new OutcomeClaim
        {
            Id = Guid.CreateVersion7(),
            PartnershipId = partnershipId,
            CitizenId = citizenId,
            ClaimReference = claimReference,
            Kind = (OutcomeKind)(int)request.Kind,
            OutcomeDate = outcomeDate,
            HoursPerWeekHundredths = request.HoursPerWeekHundredths,
            EmployerCvr = request.EmployerCvr,
            EvidenceReference = evidence,
            Status = ClaimStatus.Claimed,
            ClaimedAt = clock.GetCurrentInstant(),
        };
        var existing = await db.Claims.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.ClaimReference == claimReference, cancellationToken);
        if (existing is not null)
        {
            return existing.SameClaimAs(claim)
                ? new ClaimOutcomeResponse { Claim = ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists($"Claim reference '{claimReference}' is already used for another claim ({existing.Id}).");
        }
        db.Claims.Add(claim);
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
        var claim = context.Caller().EnsureMayActFor(
            await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken),
            c => c.PartnershipId, $"Claim {claimId} does not exist.");
        if (claim.Status == ClaimStatus.Rejected)
        {
            throw DomainException.FailedPrecondition($"Claim {claimId} was rejected and cannot be verified.");
        }

        // The cohort service is asked, not the local read model: it alone knows of exits, and
        // verification is the moment money is decided.
        var followUp = await cohort.FollowUpStatusAsync(claim.PartnershipId, claim.CitizenId, claim.OutcomeDate, cancellationToken)
            ?? throw DomainException.FailedPrecondition($"The cohort service does not know citizen {claim.CitizenId} in partnership {claim.PartnershipId}.");
        if (!followUp.InFollowUp)
        {
            throw DomainException.FailedPrecondition(
                $"The outcome date {claim.OutcomeDate:uuuu-MM-dd} is outside the citizen's follow-up {followUp.Start:uuuu-MM-dd} to {followUp.End:uuuu-MM-dd}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One verification per citizen at a time, so two claims cannot both reach one milestone.
        var lockKey = $"{claim.PartnershipId}/{claim.CitizenId}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockKey}))", cancellationToken);
        claim = await db.Claims.FirstAsync(c => c.Id == claimId, cancellationToken);

        var response = new VerifyOutcomeClaimResponse();
        if (claim.Status == ClaimStatus.Claimed)
        {
            claim.Status = ClaimStatus.Verified;
            claim.DecidedAt = clock.GetCurrentInstant();
            claim.DecidedBy = verifiedBy;
            await db.SaveChangesAsync(cancellationToken);
            foreach (var milestone in await ReachMilestonesAsync(claim.PartnershipId, claim.CitizenId, followUp, cancellationToken))
            {
                response.MilestonesReached.Add(ToProto(milestone));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
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
        var claim = context.Caller().EnsureMayActFor(
            await db.Claims.FirstOrDefaultAsync(c => c.Id == claimId, cancellationToken),
            c => c.PartnershipId, $"Claim {claimId} does not exist.");
        // Under the citizen's lock, so a verification running at the same time cannot slip between.
        var lockKey = $"{claim.PartnershipId}/{claim.CitizenId}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockKey}))", cancellationToken);
        await db.Entry(claim).ReloadAsync(cancellationToken);
        switch (claim.Status)
        {
            case ClaimStatus.Verified:
                throw DomainException.FailedPrecondition($"Claim {claimId} is verified; a verified outcome is revoked, not rejected.");
            case ClaimStatus.Rejected when claim.DecisionReason != reason:
                throw DomainException.FailedPrecondition($"Claim {claimId} was already rejected for another reason: {claim.DecisionReason}");
            case ClaimStatus.Claimed:
                claim.Status = ClaimStatus.Rejected;
                claim.DecidedAt = clock.GetCurrentInstant();
                claim.DecidedBy = rejectedBy;
                claim.DecisionReason = reason;
                await db.SaveChangesAsync(cancellationToken);
                break;
        }
        await transaction.CommitAsync(cancellationToken);
        return new RejectOutcomeClaimResponse { Claim = ToProto(claim) };
    }

    private async Task<IReadOnlyList<Milestone>> ReachMilestonesAsync(
        Guid partnershipId, string citizenId, CohortLookup.FollowUpAnswer followUp, CancellationToken cancellationToken)
    {
        var definitions = await db.MilestoneDefinitions.Where(d => d.PartnershipId == partnershipId).ToListAsync(cancellationToken);
        var verified = await db.Claims
            .Where(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId && c.Status == ClaimStatus.Verified)
            .Select(c => new MilestoneEngine.VerifiedOutcome(c.Id, c.Kind, c.OutcomeDate))
            .ToListAsync(cancellationToken);
        var already = await db.Milestones
            .Where(m => m.PartnershipId == partnershipId && m.CitizenId == citizenId)
            .Select(m => m.Code)
            .ToListAsync(cancellationToken);

        var now = clock.GetCurrentInstant();
        var milestones = new List<Milestone>();
        foreach (var reached in MilestoneEngine.NewlyReached(definitions, verified, followUp.Start, followUp.End, already.ToHashSet()))
        {
            var milestone = new Milestone
            {
                Id = Guid.CreateVersion7(),
                PartnershipId = partnershipId,
                CitizenId = citizenId,
                Code = reached.Code,
                AchievedOn = reached.AchievedOn,
                BasisClaimIds = reached.BasisClaimIds.ToList(),
                RecordedAt = now,
            };
            db.Milestones.Add(milestone);
            db.AddToOutbox(new MilestoneAchieved
            {
                MilestoneId = milestone.Id,
                PartnershipId = partnershipId,
                CitizenId = citizenId,
                MilestoneCode = milestone.Code,
                AchievedOn = milestone.AchievedOn.ToDateOnly(),
            }, now);
            milestones.Add(milestone);
        }
        return milestones;
    }

    /// <summary>The citizen's follow-up window, from the handover event or, if it has not arrived, from the cohort service.</summary>
    private async Task<FollowUpCitizen> FollowUpCitizenAsync(Guid partnershipId, string citizenId, CancellationToken cancellationToken)
    {
        var known = await db.FollowUpCitizens.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken);
        if (known is not null) return known;

        var today = clock.GetCurrentInstant().InUtc().Date;
        var answer = await cohort.FollowUpStatusAsync(partnershipId, citizenId, today, cancellationToken)
            ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");
        return new FollowUpCitizen { PartnershipId = partnershipId, CitizenId = citizenId, FollowUpStart = answer.Start, FollowUpEnd = answer.End };
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
    };

    private static Protos.Outcome.V1.Milestone ToProto(Milestone m) => new()
    {
        MilestoneId = m.Id.ToString(),
        PartnershipId = m.PartnershipId.ToString(),
        CitizenId = m.CitizenId,
        Code = m.Code,
        AchievedOn = m.AchievedOn.ToProto(),
        BasisClaimIds = { m.BasisClaimIds.Select(id => id.ToString()) },
    };
}
