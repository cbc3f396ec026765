using Partnerskab.Cohort.Handover;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using BenefitType = Partnerskab.Cohort.Handover.BenefitType;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>An agreement's terms from a request (each field's own checks, then <see cref="AgreementDecision.Violations"/>), and a partnership as the API shows it.</summary>
public static class PartnershipProtos
{
    public static AgreementTerms Terms(RequestValidator v, string name, Organisation? kommune, Organisation? provider, Organisation? investor,
        Google.Type.Date? contractStart, Google.Type.Date? contractEnd, int capacity, int followUpMonths,
        Google.Type.Date? windowStart, Google.Type.Date? windowEnd, Eligibility? eligibility)
    {
        var validInvestor = new Party(v.Text(investor?.Name, "investor.name"), investor?.Cvr ?? "", "");
        var terms = new AgreementTerms
        {
            Name = v.Text(name, "name"),
            Kommune = ValidParty(v, kommune, "kommune", requireEan: true),
            Provider = ValidParty(v, provider, "provider", requireEan: false),
            Investor = validInvestor,
            ContractStart = v.Date(contractStart, "contract_start"),
            ContractEnd = v.Date(contractEnd, "contract_end"),
            CohortCapacity = capacity,
            FollowUpMonths = followUpMonths,
            HandoverWindowStart = v.Date(windowStart, "handover_window_start"),
            HandoverWindowEnd = v.Date(windowEnd, "handover_window_end"),
            Eligibility = ValidEligibility(v, eligibility),
        };
        if (validInvestor.Cvr.Length > 0) v.Digits(validInvestor.Cvr, "investor.cvr", 8);
        foreach (var (field, reason) in AgreementDecision.Violations(terms)) v.Add(field, reason);
        return terms;
    }

    private static EligibilityRules ValidEligibility(RequestValidator v, Eligibility? eligibility)
    {
        var rules = new EligibilityRules();
        if (eligibility is null)
        {
            v.Add("eligibility", "is required");
            return rules;
        }
        v.Check(eligibility.MinWeeksSickListed is >= 0 and <= 520, "eligibility.min_weeks_sick_listed", "must be between 0 and 520");
        rules.MinWeeksSickListed = eligibility.MinWeeksSickListed;
        v.Check(eligibility.AllowedBenefitTypes.Count > 0, "eligibility.allowed_benefit_types", "must name at least one benefit type");
        foreach (var type in eligibility.AllowedBenefitTypes)
        {
            v.Enum(type, "eligibility.allowed_benefit_types");
        }
        rules.AllowedBenefitTypes = eligibility.AllowedBenefitTypes.Select(t => (BenefitType)(int)t).Distinct().Order().ToList();
        return rules;
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

    public static Protos.Cohort.V1.Partnership ToProto(this Partnership p, int placesTaken) => new()
    {
        PartnershipId = p.Id.ToString(),
        Reference = p.Reference,
        Name = p.Terms.Name,
        Kommune = ToProto(p.Terms.Kommune),
        Provider = ToProto(p.Terms.Provider),
        Investor = ToProto(p.Terms.Investor),
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

    private static Organisation ToProto(Party party) => new() { Name = party.Name, Cvr = party.Cvr, Ean = party.Ean };
}
