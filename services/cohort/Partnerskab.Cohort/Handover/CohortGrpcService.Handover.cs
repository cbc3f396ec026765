using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Handover;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using BenefitType = Partnerskab.Cohort.Handover.BenefitType;
using Citizen = Partnerskab.Cohort.Handover.Citizen;
using Partnership = Partnerskab.Cohort.Partnerships.Partnership;

namespace Partnerskab.Cohort;

public sealed partial class CohortGrpcService
{
    public override async Task<HandOverCitizenResponse> HandOverCitizen(HandOverCitizenRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        if (!CprNumber.TryParse(request.Cpr, out var cpr, out var cprError)) v.Add("cpr", cprError);
        var handoverDate = v.Date(request.HandoverDate, "handover_date");
        v.Enum(request.BenefitType, "benefit_type");
        v.Check(request.WeeksSickListed is >= 0 and <= 520, "weeks_sick_listed", "must be between 0 and 520");
        var caseReference = v.Text(request.CaseReference, "case_reference", 100);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The partnership row is locked so concurrent handovers cannot overfill the cohort.
        var partnership = await db.Partnerships
            .FromSql($"SELECT * FROM partnerships WHERE id = {partnershipId} FOR UPDATE")
            .AsNoTracking()
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound($"Partnership {partnershipId} does not exist.");

        var benefitType = (BenefitType)(int)request.BenefitType;
        foreach (var (field, reason) in HandoverRules.Violations(partnership, handoverDate, benefitType, request.WeeksSickListed))
        {
            v.Add(field, reason);
        }
        v.ThrowIfInvalid();

        var window = FollowUpWindow.From(handoverDate, partnership.FollowUpMonths);
        var citizen = new Citizen
        {
            PartnershipId = partnershipId,
            CitizenId = pseudonymizer.Pseudonym(cpr),
            HandoverDate = window.Start,
            FollowUpEnd = window.End,
            BenefitType = benefitType,
            WeeksSickListed = request.WeeksSickListed,
            CaseReference = caseReference,
            HandedOverAt = clock.GetCurrentInstant(),
        };

        var existing = await db.Citizens.AsNoTracking()
            .FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizen.CitizenId, cancellationToken);
        if (existing is not null)
        {
            return existing.SameHandoverAs(citizen)
                ? new HandOverCitizenResponse { Citizen = ToProto(existing), Created = false }
                : throw DomainException.AlreadyExists($"Citizen {existing.CitizenId} is already handed over to this partnership.");
        }

        var handedOver = await db.Citizens.CountAsync(c => c.PartnershipId == partnershipId, cancellationToken);
        if (handedOver >= partnership.CohortCapacity)
        {
            throw DomainException.FailedPrecondition($"The cohort is full: {handedOver} of {partnership.CohortCapacity} citizens are handed over.");
        }

        db.Citizens.Add(citizen);
        db.AddToOutbox(new CitizenHandedOver
        {
            PartnershipId = partnershipId,
            CitizenId = citizen.CitizenId,
            HandoverDate = citizen.HandoverDate.ToDateOnly(),
            FollowUpStart = window.Start.ToDateOnly(),
            FollowUpEnd = window.End.ToDateOnly(),
        }, citizen.HandedOverAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new HandOverCitizenResponse { Citizen = ToProto(citizen), Created = true };
    }

    public override async Task<GetCitizenResponse> GetCitizen(GetCitizenRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = ValidCitizenId(v, request.CitizenId);
        v.ThrowIfInvalid();

        var citizen = await FindCitizenAsync(partnershipId, citizenId, context.CancellationToken);
        return new GetCitizenResponse { Citizen = ToProto(citizen) };
    }

    public override async Task<GetFollowUpStatusResponse> GetFollowUpStatus(GetFollowUpStatusRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        var citizenId = ValidCitizenId(v, request.CitizenId);
        var onDate = v.Date(request.OnDate, "on_date");
        v.ThrowIfInvalid();

        var citizen = await FindCitizenAsync(partnershipId, citizenId, context.CancellationToken);
        return new GetFollowUpStatusResponse
        {
            InFollowUp = citizen.FollowUp.Contains(onDate),
            FollowUpStart = citizen.FollowUp.Start.ToProto(),
            FollowUpEnd = citizen.FollowUp.End.ToProto(),
        };
    }

    private static string ValidCitizenId(RequestValidator v, string citizenId)
    {
        var valid = citizenId.Length == 32 && citizenId.All(char.IsAsciiHexDigitLower);
        v.Check(valid, "citizen_id", "must be a citizen pseudonym (32 lowercase hex characters)");
        return citizenId;
    }

    private async Task<Citizen> FindCitizenAsync(Guid partnershipId, string citizenId, CancellationToken cancellationToken) =>
        await db.Citizens.AsNoTracking().FirstOrDefaultAsync(c => c.PartnershipId == partnershipId && c.CitizenId == citizenId, cancellationToken)
        ?? throw DomainException.NotFound($"Citizen {citizenId} is not in partnership {partnershipId}.");

    private static Protos.Cohort.V1.Citizen ToProto(Citizen c) => new()
    {
        PartnershipId = c.PartnershipId.ToString(),
        CitizenId = c.CitizenId,
        HandoverDate = c.HandoverDate.ToProto(),
        FollowUpStart = c.FollowUp.Start.ToProto(),
        FollowUpEnd = c.FollowUp.End.ToProto(),
        BenefitType = (Protos.Cohort.V1.BenefitType)(int)c.BenefitType,
        WeeksSickListed = c.WeeksSickListed,
        CaseReference = c.CaseReference,
    };
}
