using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Scenario;

namespace Partnerskab.Testing;

public static class TestCitizens
{
    public static string Cpr(int n) => SyntheticCitizens.Cpr(n);

    public static string UniqueReference(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>Citizen n handed over on Monday 2023-04-03 on sickness benefit after 30 weeks.</summary>
    public static HandOverCitizenRequest HandOver(string partnershipId, int n, string caseReference) => new()
    {
        PartnershipId = partnershipId,
        Cpr = Cpr(n),
        HandoverDate = ThinSlice.Day(2023, 4, 3),
        BenefitType = BenefitType.SicknessBenefit,
        WeeksSickListed = 30,
        CaseReference = caseReference,
    };

    /// <summary>A new Haderslev-like partnership with citizen n handed over on Monday 2023-04-03 (ISO week 2023-W14).</summary>
    public static async Task<(Partnership Partnership, Citizen Citizen)> HandedOverAsync(CohortService.CohortServiceClient cohort, string prefix, int n, string caseReference)
    {
        var partnership = (await cohort.CreatePartnershipAsync(ThinSlice.HaderslevAgreement(UniqueReference(prefix)),
            deadline: SuiteClients.Deadline())).Partnership;
        var citizen = (await cohort.HandOverCitizenAsync(HandOver(partnership.PartnershipId, n, caseReference),
            deadline: SuiteClients.Deadline())).Citizen;
        return (partnership, citizen);
    }
}
