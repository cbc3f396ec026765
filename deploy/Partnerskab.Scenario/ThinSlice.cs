using Date = Google.Type.Date;
using Partnerskab.Protos.Cohort.V1;
using Partnerskab.Protos.Outcome.V1;
using Partnerskab.Protos.Payment.V1;

namespace Partnerskab.Scenario;

/// <summary>
/// The thin slice of the reference case (Haderslev Kommune, seeds 003 and 004): register the
/// partnership, its milestones and rate card; hand one citizen over; the provider claims a job
/// start, the kommune verifies it; the milestone reaches the payment ledger; finance asks what
/// the partnership has cost. Every step is safe to repeat: running it twice changes nothing.
/// </summary>
public static class ThinSlice
{
    public const string JobStartCode = "JOB_START";
    public const long HandoverFeeOre = 1_000_000;      // 10,000.00 DKK per citizen handed over
    public const long JobStartPriceOre = 2_500_000;    // 25,000.00 DKK per first verified job start

    public sealed record Result(
        Protos.Cohort.V1.Partnership Partnership,
        Citizen Citizen,
        OutcomeClaim Claim,
        IReadOnlyList<Protos.Outcome.V1.Milestone> Milestones,
        IReadOnlyList<LedgerItem> Ledger,
        GetPartnershipCostResponse Cost);

    public static async Task<Result> RunAsync(SuiteClients suite, string reference, string cpr, TextWriter log, CancellationToken cancellationToken = default)
    {
        var partnership = (await suite.Cohort.CreatePartnershipAsync(HaderslevAgreement(reference),
            deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken)).Partnership;
        log.WriteLine($"partnership   {partnership.Reference} ({partnership.PartnershipId}), capacity {partnership.CohortCapacity}, follow-up {partnership.FollowUpMonths} months");

        await suite.Outcome.SetMilestoneDefinitionsAsync(new SetMilestoneDefinitionsRequest
        {
            PartnershipId = partnership.PartnershipId,
            Definitions =
            {
                new Protos.Outcome.V1.MilestoneDefinition
                {
                    Code = JobStartCode,
                    Description = "First verified start in ordinary employment",
                    RuleKind = MilestoneRuleKind.FirstVerifiedOutcome,
                    OutcomeKind = OutcomeKind.JobStart,
                },
            },
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken);

        var rateCard = (await suite.Payment.SetRateCardAsync(new SetRateCardRequest
        {
            PartnershipId = partnership.PartnershipId,
            EffectiveFrom = Day(2023, 3, 1),
            HandoverFeeOre = HandoverFeeOre,
            MilestonePrices = { new MilestonePrice { MilestoneCode = JobStartCode, AmountOre = JobStartPriceOre } },
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken)).RateCard;
        log.WriteLine($"rate card     v{rateCard.Version}: handover fee {Dkk(rateCard.HandoverFeeOre)}, {JobStartCode} {Dkk(JobStartPriceOre)}");

        var citizen = (await suite.Cohort.HandOverCitizenAsync(new HandOverCitizenRequest
        {
            PartnershipId = partnership.PartnershipId,
            Cpr = cpr,
            HandoverDate = Day(2023, 4, 3),
            BenefitType = Protos.Cohort.V1.BenefitType.SicknessBenefit,
            WeeksSickListed = 31,
            CaseReference = "HAD-2023-0001",
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken)).Citizen;
        log.WriteLine($"handed over   citizen {citizen.CitizenId} on {Text(citizen.HandoverDate)}, follow-up until {Text(citizen.FollowUpEnd)} (exclusive)");

        var claim = (await suite.Outcome.ClaimOutcomeAsync(new ClaimOutcomeRequest
        {
            PartnershipId = partnership.PartnershipId,
            CitizenId = citizen.CitizenId,
            ClaimReference = "CL-0001",
            Kind = OutcomeKind.JobStart,
            OutcomeDate = Day(2023, 9, 4),
            HoursPerWeekHundredths = 20_00,
            EmployerCvr = "87654321",
            EvidenceReference = "employment contract, case HAD-2023-0001",
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken)).Claim;

        var verified = await suite.Outcome.VerifyOutcomeClaimAsync(new VerifyOutcomeClaimRequest
        {
            ClaimId = claim.ClaimId,
            VerifiedBy = "jobcenter-caseworker-17",
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken);
        log.WriteLine($"verified      {claim.Kind} on {Text(claim.OutcomeDate)}; milestones reached now: {verified.MilestonesReached.Count}");

        var milestones = (await suite.Outcome.ListMilestonesAsync(new ListMilestonesRequest
        {
            PartnershipId = partnership.PartnershipId,
            CitizenId = citizen.CitizenId,
        }, deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken)).Milestones;

        var ledger = await WaitForLedgerAsync(suite, partnership.PartnershipId, milestones.Count + 1, cancellationToken);
        foreach (var item in ledger)
        {
            log.WriteLine($"ledger        {Text(item.EarnedOn)} {item.Kind,-28} {Dkk(item.AmountOre),16}  ({item.PricingNote})");
        }

        var cost = await suite.Payment.GetPartnershipCostAsync(new GetPartnershipCostRequest { PartnershipId = partnership.PartnershipId },
            deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken);
        foreach (var year in cost.Years)
        {
            log.WriteLine($"cost {year.Year}     {Dkk(year.EarnedOre),16}");
        }
        log.WriteLine($"cost total    {Dkk(cost.TotalEarnedOre),16} from {cost.LedgerItems} ledger items");
        return new Result(partnership, citizen, verified.Claim, milestones, ledger, cost);
    }

    /// <summary>The Haderslev agreement (seeds 003 and 004): 150 places, 24 months' follow-up, handovers March to June 2023.</summary>
    public static CreatePartnershipRequest HaderslevAgreement(string reference) => new()
    {
        Reference = reference,
        Name = "Haderslev: job-directed effort for long-term sick-listed citizens",
        Kommune = new Organisation { Name = "Haderslev Kommune", Cvr = "29189757", Ean = "5798000420526" },
        Provider = new Organisation { Name = "Carelink (formerly Marselisborg)", Cvr = "12345678" },
        Investor = new Organisation { Name = "Den Sociale Kapitalfond" },
        ContractStart = Day(2023, 3, 1),
        ContractEnd = Day(2025, 3, 31),
        CohortCapacity = 150,
        FollowUpMonths = 24,
        HandoverWindowStart = Day(2023, 3, 1),
        HandoverWindowEnd = Day(2023, 6, 30),
        Eligibility = new Eligibility
        {
            MinWeeksSickListed = 26,
            AllowedBenefitTypes = { Protos.Cohort.V1.BenefitType.SicknessBenefit, Protos.Cohort.V1.BenefitType.JobClarificationBenefit },
        },
    };

    /// <summary>Events reach the ledger asynchronously; wait until the expected items are there.</summary>
    private static async Task<IReadOnlyList<LedgerItem>> WaitForLedgerAsync(SuiteClients suite, string partnershipId, int expected, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var items = (await suite.Payment.GetWholeLedgerAsync(new GetLedgerRequest { PartnershipId = partnershipId },
                deadline: SuiteClients.Deadline(), cancellationToken: cancellationToken)).Items;
            if (items.Count >= expected || DateTime.UtcNow > until) return items;
            await Task.Delay(200, cancellationToken);
        }
    }

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static string Text(Date date) => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    /// <summary>Øre as Danish kroner, e.g. 2500000 as "25.000,00 DKK".</summary>
    public static string Dkk(long ore) => (ore / 100m).ToString("#,##0.00", DanishNumbers) + " DKK";

    // Built by hand: the services and tools run with invariant globalization.
    private static readonly System.Globalization.NumberFormatInfo DanishNumbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
    };
}
