using NodaTime;
using Partnerskab.Payment.RateCards;

namespace Partnerskab.Payment.Tests;

public sealed class RateCardTests
{
    [Fact]
    public void The_same_terms_in_another_order_are_the_same_version()
    {
        var card = Terms();
        var reordered = Terms();
        reordered.MilestonePrices.Reverse();
        reordered.Budgets.Reverse();
        card.SameTermsAs(reordered).ShouldBeTrue();
    }

    public static TheoryData<string> Changes() => new(ChangesByName.Keys);

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_changed_term_is_a_different_version(string change)
    {
        var changed = Terms();
        ChangesByName[change](changed);
        Terms().SameTermsAs(changed).ShouldBeFalse();
    }

    private static readonly Dictionary<string, Action<RateCard>> ChangesByName = new()
    {
        ["handover fee"] = c => c.HandoverFeeOre++,
        ["milestone price"] = c => c.MilestonePrices[0] = c.MilestonePrices[0] with { AmountOre = 1 },
        ["deliverable fee"] = c => c.DeliverableFees.Clear(),
        ["periodic fee interval"] = c => c.PeriodicFees[0] = c.PeriodicFees[0] with { Interval = BillingInterval.Monthly },
        ["citizen cap"] = c => c.CapPerCitizenOre = null,
        ["year cap"] = c => c.CapPerYearOre = 0,
        ["contract cap"] = c => c.CapContractOre = 1,
        ["VAT"] = c => c.VatRateBasisPoints = 0,
        ["invoicing period"] = c => c.InvoicingPeriod = BillingInterval.Monthly,
        ["payment terms"] = c => c.PaymentTermsDays = 14,
        ["budget"] = c => c.Budgets.RemoveAt(0),
        ["payee account"] = c => c.PayeeAccountNumber = "1",
    };

    private static RateCard Terms() => new()
    {
        EffectiveFrom = new LocalDate(2023, 3, 1),
        HandoverFeeOre = 1_000_000,
        MilestonePrices = [new("JOB_START", 2_500_000), new("EDUCATION_START", 1_500_000)],
        DeliverableFees = [new("TeachingDay", 2_000_000)],
        PeriodicFees = [new("PROJECT_MANAGEMENT", 2_500_000, BillingInterval.Quarterly)],
        CapPerCitizenOre = 6_000_000,
        CapPerYearOre = 250_000_000,
        CapContractOre = 560_000_000,
        VatRateBasisPoints = 2500,
        InvoicingPeriod = BillingInterval.Quarterly,
        PaymentTermsDays = 30,
        Budgets = [new(2023, 30_000_000), new(2024, 240_000_000), new(2025, 290_000_000)],
        PayeeBankRegistrationNumber = "1234",
        PayeeAccountNumber = "0012345678",
    };
}
