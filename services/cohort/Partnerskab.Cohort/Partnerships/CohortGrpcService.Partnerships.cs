using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Partnerskab.Cohort.Handover;
using Partnerskab.Cohort.Partnerships;
using Partnerskab.Contracts.Cohort;
using Partnerskab.Messaging.Outbox;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Access;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.ServiceDefaults.Persistence;
using BenefitType = Partnerskab.Cohort.Handover.BenefitType;
using ExitReason = Partnerskab.Cohort.Handover.ExitReason;
using Partnership = Partnerskab.Cohort.Partnerships.Partnership;
using PartnershipVersion = Partnerskab.Cohort.Partnerships.PartnershipVersion;

namespace Partnerskab.Cohort;

public sealed partial class CohortGrpcService
{
    public override async Task<CreatePartnershipResponse> CreatePartnership(CreatePartnershipRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var reference = v.Text(request.Reference, "reference", 100);
        var terms = ValidTerms(v, request.Name, request.Kommune, request.Provider, request.Investor, request.ContractStart, request.ContractEnd,
            request.CohortCapacity, request.FollowUpMonths, request.HandoverWindowStart, request.HandoverWindowEnd, request.Eligibility);
        v.ThrowIfInvalid();
        context.Caller().EnsureInOwnName(terms.Kommune.Cvr, "kommune.cvr");

        var cancellationToken = context.CancellationToken;
        var existing = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Reference == reference, cancellationToken);
        if (existing is not null)
        {
            return await SameOrConflictAsync(existing, terms, cancellationToken);
        }

        var now = clock.GetCurrentInstant();
        var partnership = new Partnership { Id = Guid.CreateVersion7(), Reference = reference, Version = 1, Terms = terms, RegisteredAt = now };
        db.Partnerships.Add(partnership);
        db.PartnershipVersions.Add(new PartnershipVersion { PartnershipId = partnership.Id, Version = 1, Terms = terms.Copy(), Reason = "", RecordedAt = now });
        db.AddToOutbox(new PartnershipRegistered
        {
            PartnershipId = partnership.Id,
            Reference = partnership.Reference,
            Name = terms.Name,
            KommuneName = terms.Kommune.Name,
            KommuneCvr = terms.Kommune.Cvr,
            KommuneEan = terms.Kommune.Ean,
            ProviderName = terms.Provider.Name,
            ProviderCvr = terms.Provider.Cvr,
            ContractStart = terms.ContractStart.ToDateOnly(),
            ContractEnd = terms.ContractEnd.ToDateOnly(),
            FollowUpMonths = terms.FollowUpMonths,
        }, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent registration with the same reference won the race.
            db.ChangeTracker.Clear();
            existing = await db.Partnerships.AsNoTracking().FirstAsync(p => p.Reference == reference, cancellationToken);
            return await SameOrConflictAsync(existing, terms, cancellationToken);
        }
        return new CreatePartnershipResponse { Partnership = ToProto(partnership, 0), Created = true };
    }

    public override async Task<AmendPartnershipResponse> AmendPartnership(AmendPartnershipRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.Check(request.ExpectedVersion >= 1, "expected_version", "must be the version being amended (1 or more)");
        var terms = ValidTerms(v, request.Name, request.Kommune, request.Provider, request.Investor, request.ContractStart, request.ContractEnd,
            request.CohortCapacity, request.FollowUpMonths, request.HandoverWindowStart, request.HandoverWindowEnd, request.Eligibility);
        var reason = v.Text(request.Reason, "reason", 500);
        v.ThrowIfInvalid();

        var cancellationToken = context.CancellationToken;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await LockPartnershipAsync(partnershipId, cancellationToken);
        if (current.Version != request.ExpectedVersion)
        {
            throw DomainException.FailedPrecondition(
                $"Partnership {partnershipId} is at version {current.Version}, not {request.ExpectedVersion}; read it again and amend the current version.");
        }
        context.Caller().EnsureInOwnName(current.Terms.Kommune.Cvr, "kommune.cvr");
        PartiesStay(current.Terms, terms);
        if (current.Terms.SameAs(terms))
        {
            throw DomainException.FailedPrecondition("The amendment changes nothing in the agreement.");
        }
        var placesTaken = await PlacesTakenAsync(partnershipId, cancellationToken);
        if (terms.CohortCapacity < placesTaken)
        {
            throw new InvalidRequestException([new Google.Rpc.BadRequest.Types.FieldViolation
            {
                Field = "cohort_capacity",
                Description = $"must be at least the {placesTaken} places already taken",
            }]);
        }

        var now = clock.GetCurrentInstant();
        var amended = new Partnership { Id = current.Id, Reference = current.Reference, Version = current.Version + 1, Terms = terms, RegisteredAt = current.RegisteredAt };
        db.Partnerships.Update(amended);
        db.PartnershipVersions.Add(new PartnershipVersion { PartnershipId = partnershipId, Version = amended.Version, Terms = terms.Copy(), Reason = reason, RecordedAt = now });
        db.AddToOutbox(new PartnershipAmended
        {
            PartnershipId = partnershipId,
            Version = amended.Version,
            Name = terms.Name,
            KommuneName = terms.Kommune.Name,
            KommuneCvr = terms.Kommune.Cvr,
            KommuneEan = terms.Kommune.Ean,
            ProviderName = terms.Provider.Name,
            ProviderCvr = terms.Provider.Cvr,
            ContractStart = terms.ContractStart.ToDateOnly(),
            ContractEnd = terms.ContractEnd.ToDateOnly(),
            CohortCapacity = terms.CohortCapacity,
            FollowUpMonths = terms.FollowUpMonths,
        }, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AmendPartnershipResponse { Partnership = ToProto(amended, placesTaken) };
    }

    public override async Task<ListPartnershipVersionsResponse> ListPartnershipVersions(ListPartnershipVersionsRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var partnershipId = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var partnership = await FindPartnershipAsync(partnershipId, context.CancellationToken);
        var versions = await db.PartnershipVersions.AsNoTracking()
            .Where(pv => pv.PartnershipId == partnershipId)
            .OrderBy(pv => pv.Version)
            .ToListAsync(context.CancellationToken);
        var response = new ListPartnershipVersionsResponse();
        response.Versions.AddRange(versions.Select(pv => new Protos.Cohort.V1.PartnershipVersion
        {
            Partnership = ToProto(new Partnership { Id = partnershipId, Reference = partnership.Reference, Version = pv.Version, Terms = pv.Terms }, 0),
            Reason = pv.Reason,
            RecordedAt = Timestamp.FromDateTimeOffset(pv.RecordedAt.ToDateTimeOffset()),
        }));
        return response;
    }

    public override async Task<GetPartnershipResponse> GetPartnership(GetPartnershipRequest request, ServerCallContext context)
    {
        var v = new RequestValidator();
        var id = v.Id(request.PartnershipId, "partnership_id");
        v.ThrowIfInvalid();

        var partnership = await FindPartnershipAsync(id, context.CancellationToken);
        var placesTaken = await PlacesTakenAsync(id, context.CancellationToken);
        return new GetPartnershipResponse { Partnership = ToProto(partnership, placesTaken) };
    }

    public override async Task<ListPartnershipsResponse> ListPartnerships(ListPartnershipsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        if (request.KommuneCvr.Length > 0) validator.Digits(request.KommuneCvr, "kommune_cvr", 8);
        validator.ThrowIfInvalid();

        var caller = context.Caller();
        var query = db.Partnerships.AsNoTracking();
        if (request.KommuneCvr.Length > 0) query = query.Where(p => p.Terms.Kommune.Cvr == request.KommuneCvr);
        var partnerships = (await query.OrderBy(p => p.Reference).ToListAsync(context.CancellationToken))
            .Where(p => caller.MayActFor(p.Id)).ToList();
        var ids = partnerships.Select(p => p.Id).ToList();
        var counts = await db.Citizens.Where(c => ids.Contains(c.PartnershipId) && c.ExitReason != ExitReason.WronglyEnrolled)
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

    /// <summary>A retried registration gets the partnership as it was registered; other terms under the same reference conflict.</summary>
    private async Task<CreatePartnershipResponse> SameOrConflictAsync(Partnership existing, AgreementTerms requested, CancellationToken cancellationToken)
    {
        var registered = await db.PartnershipVersions.AsNoTracking()
            .SingleAsync(pv => pv.PartnershipId == existing.Id && pv.Version == 1, cancellationToken);
        return registered.Terms.SameAs(requested)
            ? new CreatePartnershipResponse { Partnership = ToProto(existing, await PlacesTakenAsync(existing.Id, cancellationToken)), Created = false }
            : throw DomainException.AlreadyExists(
                $"A different partnership with reference '{existing.Reference}' is already registered ({existing.Id}).");
    }

    private static AgreementTerms ValidTerms(RequestValidator v, string name, Organisation? kommune, Organisation? provider, Organisation? investor,
        Google.Type.Date? contractStartDate, Google.Type.Date? contractEndDate, int capacity, int followUpMonths,
        Google.Type.Date? windowStartDate, Google.Type.Date? windowEndDate, Eligibility? eligibility)
    {
        var validName = v.Text(name, "name");
        var validKommune = ValidParty(v, kommune, "kommune", requireEan: true);
        var validProvider = ValidParty(v, provider, "provider", requireEan: false);
        var validInvestor = new Party(v.Text(investor?.Name, "investor.name"), investor?.Cvr ?? "", "");
        if (validInvestor.Cvr.Length > 0) v.Digits(validInvestor.Cvr, "investor.cvr", 8);

        var contractStart = v.Date(contractStartDate, "contract_start");
        var contractEnd = v.Date(contractEndDate, "contract_end");
        var windowStart = v.Date(windowStartDate, "handover_window_start");
        var windowEnd = v.Date(windowEndDate, "handover_window_end");
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
        v.Check(capacity is >= 1 and <= 100_000, "cohort_capacity", "must be between 1 and 100000");
        v.Check(followUpMonths is >= 1 and <= 120, "follow_up_months", "must be between 1 and 120");

        var rules = new EligibilityRules();
        if (eligibility is null)
        {
            v.Add("eligibility", "is required");
        }
        else
        {
            v.Check(eligibility.MinWeeksSickListed is >= 0 and <= 520, "eligibility.min_weeks_sick_listed", "must be between 0 and 520");
            rules.MinWeeksSickListed = eligibility.MinWeeksSickListed;
            v.Check(eligibility.AllowedBenefitTypes.Count > 0, "eligibility.allowed_benefit_types", "must name at least one benefit type");
            foreach (var type in eligibility.AllowedBenefitTypes)
            {
                v.Enum(type, "eligibility.allowed_benefit_types");
            }
            rules.AllowedBenefitTypes = eligibility.AllowedBenefitTypes.Select(t => (BenefitType)(int)t).Distinct().Order().ToList();
        }

        return new AgreementTerms
        {
            Name = validName,
            Kommune = validKommune,
            Provider = validProvider,
            Investor = validInvestor,
            ContractStart = contractStart,
            ContractEnd = contractEnd,
            CohortCapacity = capacity,
            FollowUpMonths = followUpMonths,
            HandoverWindowStart = windowStart,
            HandoverWindowEnd = windowEnd,
            Eligibility = rules,
        };
    }

    /// <summary>
    /// The kommune and the provider are the contract's parties: invoices go from the one to the
    /// other under gapless numbers per issuer, so an amendment may rename them but a change of
    /// CVR number is a new agreement.
    /// </summary>
    private static void PartiesStay(AgreementTerms current, AgreementTerms amended)
    {
        var violations = new List<Google.Rpc.BadRequest.Types.FieldViolation>();
        if (amended.Kommune.Cvr != current.Kommune.Cvr) violations.Add(PartyStays("kommune.cvr", current.Kommune.Cvr));
        if (amended.Provider.Cvr != current.Provider.Cvr) violations.Add(PartyStays("provider.cvr", current.Provider.Cvr));
        if (violations.Count > 0) throw new InvalidRequestException(violations);
    }

    private static Google.Rpc.BadRequest.Types.FieldViolation PartyStays(string field, string cvr) => new()
    {
        Field = field,
        Description = $"must stay {cvr}: an amendment cannot change a party of the agreement; a new party means a new agreement",
    };

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

    private static Protos.Cohort.V1.Partnership ToProto(Partnership p, int placesTaken) => new()
    {
        PartnershipId = p.Id.ToString(),
        Reference = p.Reference,
        Name = p.Terms.Name,
        Kommune = new Organisation { Name = p.Terms.Kommune.Name, Cvr = p.Terms.Kommune.Cvr, Ean = p.Terms.Kommune.Ean },
        Provider = new Organisation { Name = p.Terms.Provider.Name, Cvr = p.Terms.Provider.Cvr, Ean = p.Terms.Provider.Ean },
        Investor = new Organisation { Name = p.Terms.Investor.Name, Cvr = p.Terms.Investor.Cvr, Ean = p.Terms.Investor.Ean },
        ContractStart = p.Terms.ContractStart.ToProto(),
        ContractEnd = p.Terms.ContractEnd.ToProto(),
        CohortCapacity = p.Terms.CohortCapacity,
        FollowUpMonths = p.Terms.FollowUpMonths,
        HandoverWindowStart = p.Terms.HandoverWindowStart.ToProto(),
        HandoverWindowEnd = p.Terms.HandoverWindowEnd.ToProto(),
        Eligibility = new Eligibility
        {
            MinWeeksSickListed = p.Terms.Eligibility.MinWeeksSickListed,
            AllowedBenefitTypes = { p.Terms.Eligibility.AllowedBenefitTypes.Select(t => (Protos.Cohort.V1.BenefitType)(int)t) },
        },
        CitizensHandedOver = placesTaken,
        Version = p.Version,
    };
}
