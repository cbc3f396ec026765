using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;
using BenefitType = Partnerskab.Cohort.Handover.BenefitType;
using Partnership = Partnerskab.Cohort.Partnerships.Partnership;

namespace Partnerskab.Cohort;

public sealed partial class CohortGrpcService
{
    public override async Task<CreatePartnershipResponse> CreatePartnership(CreatePartnershipRequest request, ServerCallContext context)
    {
        var partnership = ValidPartnership(request);
        var existing = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Reference == partnership.Reference, context.CancellationToken);
        if (existing is not null)
        {
            return SameOrConflict(existing, partnership);
        }

        partnership.Id = Guid.CreateVersion7();
        partnership.RegisteredAt = clock.GetCurrentInstant();
        db.Partnerships.Add(partnership);
        db.AddToOutbox(new PartnershipRegistered
        {
            PartnershipId = partnership.Id,
            Reference = partnership.Reference,
            Name = partnership.Name,
            KommuneName = partnership.Kommune.Name,
            KommuneCvr = partnership.Kommune.Cvr,
            KommuneEan = partnership.Kommune.Ean,
            ProviderName = partnership.Provider.Name,
            ProviderCvr = partnership.Provider.Cvr,
            ContractStart = partnership.ContractStart.ToDateOnly(),
            ContractEnd = partnership.ContractEnd.ToDateOnly(),
            FollowUpMonths = partnership.FollowUpMonths,
        }, partnership.RegisteredAt);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent registration with the same reference won the race.
            db.ChangeTracker.Clear();
            existing = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Reference == partnership.Reference, context.CancellationToken);
            return SameOrConflict(existing, partnership);
        }
        return new CreatePartnershipResponse { Partnership = ToProto(partnership, 0), Created = true };
    }

    public override async Task<GetPartnershipResponse> GetPartnership(GetPartnershipRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var id = validator.Id(request.PartnershipId, "partnership_id");
        validator.ThrowIfInvalid();

        var partnership = await FindPartnershipAsync(id, context.CancellationToken);
        var handedOver = await db.Citizens.CountAsync(c => c.PartnershipId == id, context.CancellationToken);
        return new GetPartnershipResponse { Partnership = ToProto(partnership, handedOver) };
    }

    public override async Task<ListPartnershipsResponse> ListPartnerships(ListPartnershipsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        if (request.KommuneCvr.Length > 0) validator.Digits(request.KommuneCvr, "kommune_cvr", 8);
        validator.ThrowIfInvalid();

        var query = db.Partnerships.AsNoTracking();
        if (request.KommuneCvr.Length > 0) query = query.Where(p => p.Kommune.Cvr == request.KommuneCvr);
        var partnerships = await query.OrderBy(p => p.Reference).ToListAsync(context.CancellationToken);
        var ids = partnerships.Select(p => p.Id).ToList();
        var counts = await db.Citizens.Where(c => ids.Contains(c.PartnershipId))
            .GroupBy(c => c.PartnershipId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, context.CancellationToken);

        var response = new ListPartnershipsResponse();
        response.Partnerships.AddRange(partnerships.Select(p => ToProto(p, counts.GetValueOrDefault(p.Id))));
        return response;
    }

    private async Task<Partnership> FindPartnershipAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
        ?? throw DomainException.NotFound($"Partnership {id} does not exist.");

    private static CreatePartnershipResponse SameOrConflict(Partnership existing, Partnership requested) =>
        existing.SameAgreementAs(requested)
            ? new CreatePartnershipResponse { Partnership = ToProto(existing, 0), Created = false }
            : throw DomainException.AlreadyExists(
                $"A different partnership with reference '{requested.Reference}' is already registered ({existing.Id}).");

    private static Partnership ValidPartnership(CreatePartnershipRequest request)
    {
        var v = new RequestValidator();
        var reference = v.Text(request.Reference, "reference", 100);
        var name = v.Text(request.Name, "name");
        var kommune = ValidParty(v, request.Kommune, "kommune", requireEan: true);
        var provider = ValidParty(v, request.Provider, "provider", requireEan: false);
        var investor = new Party(v.Text(request.Investor?.Name, "investor.name"), request.Investor?.Cvr ?? "", "");
        if (investor.Cvr.Length > 0) v.Digits(investor.Cvr, "investor.cvr", 8);

        var contractStart = v.Date(request.ContractStart, "contract_start");
        var contractEnd = v.Date(request.ContractEnd, "contract_end");
        var windowStart = v.Date(request.HandoverWindowStart, "handover_window_start");
        var windowEnd = v.Date(request.HandoverWindowEnd, "handover_window_end");
        // Dates that failed their own check are default and take no part in comparisons.
        if (contractStart != default && contractEnd != default)
        {
            v.Check(contractStart < contractEnd, "contract_end", "must be after contract_start");
        }
        if (windowStart != default && windowEnd != default)
        {
            v.Check(windowStart <= windowEnd, "handover_window_end", "must not be before handover_window_start");
        }
        if (windowStart != default && contractStart != default)
        {
            v.Check(windowStart >= contractStart, "handover_window_start", "must be inside the contract period");
        }
        if (windowEnd != default && contractEnd != default)
        {
            v.Check(windowEnd <= contractEnd, "handover_window_end", "must be inside the contract period");
        }
        v.Check(request.CohortCapacity is >= 1 and <= 100_000, "cohort_capacity", "must be between 1 and 100000");
        v.Check(request.FollowUpMonths is >= 1 and <= 120, "follow_up_months", "must be between 1 and 120");

        var eligibility = new EligibilityRules();
        if (request.Eligibility is null)
        {
            v.Add("eligibility", "is required");
        }
        else
        {
            v.Check(request.Eligibility.MinWeeksSickListed is >= 0 and <= 520, "eligibility.min_weeks_sick_listed", "must be between 0 and 520");
            eligibility.MinWeeksSickListed = request.Eligibility.MinWeeksSickListed;
            v.Check(request.Eligibility.AllowedBenefitTypes.Count > 0, "eligibility.allowed_benefit_types", "must name at least one benefit type");
            foreach (var type in request.Eligibility.AllowedBenefitTypes)
            {
                v.Enum(type, "eligibility.allowed_benefit_types");
            }
            eligibility.AllowedBenefitTypes = request.Eligibility.AllowedBenefitTypes.Select(t => (BenefitType)(int)t).Distinct().Order().ToList();
        }
        v.ThrowIfInvalid();

        return new Partnership
        {
            Reference = reference,
            Name = name,
            Kommune = kommune,
            Provider = provider,
            Investor = investor,
            ContractStart = contractStart,
            ContractEnd = contractEnd,
            CohortCapacity = request.CohortCapacity,
            FollowUpMonths = request.FollowUpMonths,
            HandoverWindowStart = windowStart,
            HandoverWindowEnd = windowEnd,
            Eligibility = eligibility,
        };
    }

    private static Party ValidParty(RequestValidator v, Organisation? organisation, string field, bool requireEan)
    {
        if (organisation is null)
        {
            v.Add(field, "is required");
            return new Party("", "", "");
        }
        var name = v.Text(organisation.Name, $"{field}.name");
        v.Digits(organisation.Cvr, $"{field}.cvr", 8);
        if (requireEan || organisation.Ean.Length > 0) v.Digits(organisation.Ean, $"{field}.ean", 13);
        return new Party(name, organisation.Cvr, organisation.Ean);
    }

    private static Protos.Cohort.V1.Partnership ToProto(Partnership p, int handedOver) => new()
    {
        PartnershipId = p.Id.ToString(),
        Reference = p.Reference,
        Name = p.Name,
        Kommune = new Organisation { Name = p.Kommune.Name, Cvr = p.Kommune.Cvr, Ean = p.Kommune.Ean },
        Provider = new Organisation { Name = p.Provider.Name, Cvr = p.Provider.Cvr, Ean = p.Provider.Ean },
        Investor = new Organisation { Name = p.Investor.Name, Cvr = p.Investor.Cvr, Ean = p.Investor.Ean },
        ContractStart = p.ContractStart.ToProto(),
        ContractEnd = p.ContractEnd.ToProto(),
        CohortCapacity = p.CohortCapacity,
        FollowUpMonths = p.FollowUpMonths,
        HandoverWindowStart = p.HandoverWindowStart.ToProto(),
        HandoverWindowEnd = p.HandoverWindowEnd.ToProto(),
        Eligibility = new Eligibility
        {
            MinWeeksSickListed = p.Eligibility.MinWeeksSickListed,
            AllowedBenefitTypes = { p.Eligibility.AllowedBenefitTypes.Select(t => (Protos.Cohort.V1.BenefitType)(int)t) },
        },
        CitizensHandedOver = handedOver,
    };
}
