using Partnerskab.Contracts.Cohort;
using Partnerskab.ServiceDefaults;

namespace Partnerskab.Cohort.Partnerships;

/// <summary>The events that tell the other services of a partnership's agreement, from the partnership as it is saved.</summary>
public static class PartnershipEvents
{
    public static PartnershipRegistered Registered(Partnership partnership)
    {
        var terms = partnership.Terms;
        return new PartnershipRegistered
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
        };
    }

    /// <summary>The amendment: the registration's parties and period, with the version and the capacity.</summary>
    public static PartnershipAmended Amended(Partnership partnership)
    {
        var registered = Registered(partnership);
        return new PartnershipAmended
        {
            PartnershipId = registered.PartnershipId,
            Version = partnership.Version,
            Name = registered.Name,
            KommuneName = registered.KommuneName,
            KommuneCvr = registered.KommuneCvr,
            KommuneEan = registered.KommuneEan,
            ProviderName = registered.ProviderName,
            ProviderCvr = registered.ProviderCvr,
            ContractStart = registered.ContractStart,
            ContractEnd = registered.ContractEnd,
            CohortCapacity = partnership.Terms.CohortCapacity,
            FollowUpMonths = registered.FollowUpMonths,
        };
    }
}
