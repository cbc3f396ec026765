using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Partnerskab.Cohort.Handover;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Audit;
using Partnerskab.ServiceDefaults.Errors;
using BenefitType = Partnerskab.Cohort.Handover.BenefitType;
using ExitReason = Partnerskab.Cohort.Handover.ExitReason;
using Citizen = Partnerskab.Cohort.Handover.Citizen;
using Partnership = Partnerskab.Cohort.Partnerships.Partnership;

namespace Partnerskab.Cohort;

public sealed partial class CohortGrpcService
{
    public override async Task<HandOverCitizenResponse> HandOverCitizen(HandOverCitizenRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var candidate = ValidCandidate(v, request.Cpr, request.HandoverDate, request.BenefitType, request.WeeksSickListed, request.CaseReference);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var partnership = await LockPartnershipAsync(partnershipId, cancellationToken);
        var citizenId = pseudonymizer.Pseudonym(candidate!.Cpr);
        AuditCall.Citizen(partnershipId, citizenId);
        var existing = await db.Citizens.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken);
        var holder = await db.Citizens.AsNoTracking()
            .Where(c => c.PartnershipId == partnershipId && c.CaseReference == candidate.CaseReference && c.CaseReference != "")
            .Select(c => c.CitizenId).FirstOrDefaultAsync(cancellationToken);
        var placesTaken = await PlacesTakenAsync(partnershipId, cancellationToken);

        switch (HandoverDecision.Decide(partnership, candidate, citizenId, existing, holder, placesTaken, clock.GetCurrentInstant()))
        {
            case HandoverDecision.Accepted accepted:
                StageHandover(accepted.Citizen);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return new HandOverCitizenResponse { Citizen = ToProto(accepted.Citizen), Created = true };
            case HandoverDecision.Unchanged unchanged:
                return new HandOverCitizenResponse { Citizen = ToProto(unchanged.Existing), Created = false };
            case HandoverDecision.Ineligible ineligible:
                throw new InvalidRequestException(ineligible.Violations
                    .Select(x => new Google.Rpc.BadRequest.Types.FieldViolation { Field = x.Field, Description = x.Reason })
                    .ToList());
            case HandoverDecision.HandedOverWithOtherData other:
                throw DomainException.AlreadyExists($"Citizen {other.Existing.CitizenId} is already handed over to this partnership with other data.");
            case HandoverDecision.CohortFull full:
                throw DomainException.FailedPrecondition($"The cohort is full: {full.PlacesTaken} of {full.Capacity} places are taken.");
            case HandoverDecision.CaseReferenceTaken taken:
                throw new InvalidRequestException([new Google.Rpc.BadRequest.Types.FieldViolation
                {
                    Field = "case_reference", Description = CaseReferenceTakenReason(taken),
                }]);
            default:
                throw new InvalidOperationException("Unknown handover outcome.");
        }
    }

    private static string CaseReferenceTakenReason(HandoverDecision.CaseReferenceTaken taken) =>
        $"is already the case reference of citizen {taken.CitizenId} in this partnership; a case reference names one citizen";

    public override async Task<GetCitizenResponse> GetCitizen(GetCitizenRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var byCaseReference = request.CitizenId.Length == 0 && request.CaseReference.Length > 0;
        var caseReference = byCaseReference ? v.Text(request.CaseReference, "case_reference", 100) : "";
        var citizenId = byCaseReference ? "" : ValidCitizenId(v, request.CitizenId);
        v.ThrowIfInvalid();

        var citizen = byCaseReference
            ? await db.Citizens.AsNoTracking()
                .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CaseReference == caseReference && c.CaseReference != "", context.CancellationToken)
                ?? throw DomainException.NotFound($"No citizen of partnership {partnershipId} has case reference '{caseReference}'.")
            : await FindCitizenAsync(partnershipId, citizenId, context.CancellationToken);
        AuditCall.Citizen(partnershipId, citizen.CitizenId);
        return new GetCitizenResponse { Citizen = ToProto(citizen) };
    }

    public override async Task<GetFollowUpStatusResponse> GetFollowUpStatus(GetFollowUpStatusRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = ValidCitizenId(v, request.CitizenId);
        var onDate = v.Date(request.OnDate, "on_date");
        v.ThrowIfInvalid();
        AuditCall.Citizen(partnershipId, citizenId);

        var citizen = await FindCitizenAsync(partnershipId, citizenId, context.CancellationToken);
        return new GetFollowUpStatusResponse
        {
            InFollowUp = citizen.InFollowUpOn(onDate),
            FollowUpStart = citizen.FollowUp.Start.ToProto(),
            FollowUpEnd = citizen.FollowUp.End.ToProto(),
        };
    }

    /// <summary>The field checks of one handover, for a single call and an import row alike; null when a field is wrong.</summary>
    private static HandoverCandidate? ValidCandidate(RequestValidator v, string cpr, Google.Type.Date? handoverDate,
        Protos.Cohort.V1.BenefitType benefitType, int weeksSickListed, string caseReference)
    {
        var before = v.IsValid;
        if (!CprNumber.TryParse(cpr, out var number, out var cprError)) v.Add("cpr", cprError);
        var date = v.Date(handoverDate, "handover_date");
        v.Enum(benefitType, "benefit_type");
        v.Check(weeksSickListed is >= 0 and <= 520, "weeks_sick_listed", "must be between 0 and 520");
        var reference = v.Text(caseReference, "case_reference", 100);
        return before && v.IsValid ? new HandoverCandidate(number, date, (BenefitType)(int)benefitType, weeksSickListed, reference) : null;
    }

    /// <summary>Locks the partnership row for the transaction, so concurrent handovers cannot overfill the cohort.</summary>
    private async Task<Partnership> LockPartnershipAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        await db.Partnerships
            .FromSql($"SELECT * FROM partnerships WHERE id = {partnershipId} FOR UPDATE")
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw DomainException.NotFound($"Partnership {partnershipId} does not exist.");

    private Task<int> PlacesTakenAsync(Guid partnershipId, CancellationToken cancellationToken) =>
        db.Citizens.CountAsync(c => c.PartnershipId == partnershipId && c.ExitReason != ExitReason.WronglyEnrolled, cancellationToken);

    private void StageHandover(Citizen citizen)
    {
        db.Citizens.Add(citizen);
        db.AddToOutbox(HandedOver(citizen), citizen.HandedOverAt);
    }

    private static CitizenHandedOver HandedOver(Citizen citizen) => new()
    {
        PartnershipId = citizen.PartnershipId,
        CitizenId = citizen.CitizenId,
        HandoverDate = citizen.HandoverDate.ToDateOnly(),
        FollowUpStart = citizen.FollowUp.Start.ToDateOnly(),
        FollowUpEnd = citizen.FollowUp.End.ToDateOnly(),
    };

    private static string ValidCitizenId(RequestValidator v, string citizenId)
    {
        var valid = citizenId.Length == 32 && citizenId.All(char.IsAsciiHexDigitLower);
        v.Check(valid, "citizen_id", "must be a citizen pseudonym (32 lowercase hex characters)");
        return citizenId;
    }

    private async Task<Citizen> FindCitizenAsync(Guid partnershipId, string citizenId, CancellationToken cancellationToken) =>
        await db.Citizens.AsNoTracking().FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken)
        ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");

    private LocalDate Today => clock.Today();

    private Protos.Cohort.V1.Citizen ToProto(Citizen c) => ToProto(c, Today);

    private static Protos.Cohort.V1.Citizen ToProto(Citizen c, LocalDate asOf) => new()
    {
        PartnershipId = c.PartnershipId.ToString(),
        CitizenId = c.CitizenId,
        HandoverDate = c.HandoverDate.ToProto(),
        FollowUpStart = c.FollowUp.Start.ToProto(),
        FollowUpEnd = c.FollowUp.End.ToProto(),
        BenefitType = (Protos.Cohort.V1.BenefitType)(int)c.BenefitType,
        WeeksSickListed = c.WeeksSickListed,
        CaseReference = c.CaseReference,
        Status = (Protos.Cohort.V1.CitizenStatus)(int)c.StatusOn(asOf),
        AdvisorId = c.AdvisorId ?? "",
        ExitDate = c.ExitDate?.ToProto(),
        ExitReason = c.ExitReason is { } reason ? (Protos.Cohort.V1.ExitReason)(int)reason : Protos.Cohort.V1.ExitReason.Unspecified,
    };
}
