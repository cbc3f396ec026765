using Partnerskab.Protos.Payment.V1;
using Date = Google.Type.Date;

namespace Partnerskab.Testing;

/// <summary>The payment tests' rate card and its prices.</summary>
public static class TestRateCards
{
    public const string JobStart = "JOB_START";
    public const long HandoverFeeOre = 1_000_000;
    public const long JobStartOre = 2_500_000;
    public const long TeachingDayOre = 1_500_000;
    public const long CitizenCapOre = 3_000_000;

    /// <summary>A rate card using every term: quarterly invoices, all three caps, a periodic and a deliverable fee, budgets, a payee account.</summary>
    public static SetRateCardRequest FullRateCard(string partnershipId, Date effectiveFrom) => new()
    {
        PartnershipId = partnershipId,
        EffectiveFrom = effectiveFrom,
        HandoverFeeOre = HandoverFeeOre,
        MilestonePrices = { new MilestonePrice { MilestoneCode = JobStart, AmountOre = JobStartOre } },
        DeliverableFees = { new DeliverableFee { DeliverableKind = "TeachingDay", AmountOrePerUnit = TeachingDayOre } },
        PeriodicFees = { new PeriodicFee { Code = "MANAGEMENT", AmountOre = 500_000, Interval = BillingInterval.Quarterly } },
        Caps = new Caps { PerCitizenOre = CitizenCapOre, PerCalendarYearOre = 250_000_000, ContractOre = 560_000_000 },
        VatRateBasisPoints = 2500,
        InvoicingPeriod = BillingInterval.Quarterly,
        PaymentTermsDays = 30,
        Budgets = { new YearBudget { Year = 2023, AmountOre = 30_000_000 }, new YearBudget { Year = 2024, AmountOre = 240_000_000 } },
        PayeeAccount = new PayeeAccount { BankRegistrationNumber = "1234", AccountNumber = "0012345678" },
    };
}
