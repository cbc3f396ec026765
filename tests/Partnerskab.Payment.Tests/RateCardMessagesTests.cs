using NodaTime;
using Partnerskab.Payment.RateCards;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;

namespace Partnerskab.Payment.Tests;

/// <summary>The rate card's terms as the API reads and shows them, apart from how a version is decided.</summary>
public sealed class RateCardMessagesTests
{
    private static readonly Instant Now = Instant.FromUtc(2024, 1, 2, 9, 0);

    [Fact]
    public void A_card_read_from_a_request_is_shown_with_the_same_terms()
    {
        var request = Request();
        var v = new RequestValidator();

        var card = RateCardMessages.Read(request, v, Now);

        v.Violations.ShouldBeEmpty();
        (card.EffectiveFrom, card.CapPerCitizenOre, card.CapPerYearOre, card.CapContractOre, card.InvoicingPeriod, card.CreatedAt)
            .ShouldBe((new LocalDate(2024, 1, 1), (long?)6_000_000, (long?)null, (long?)500_000_000, Partnerskab.Payment.RateCards.BillingInterval.Quarterly, Now));
        card.Version = 1;
        var shown = RateCardMessages.ToProto(card);
        shown.MilestonePrices.ShouldBe(request.MilestonePrices.OrderBy(p => p.MilestoneCode, StringComparer.Ordinal));
        (shown.HandoverFeeOre, shown.Caps, shown.PayeeAccount, shown.VatRateBasisPoints, shown.PaymentTermsDays, shown.Version)
            .ShouldBe((request.HandoverFeeOre, request.Caps, request.PayeeAccount, Partnerskab.Payment.RateCards.RateCard.DefaultVatRateBasisPoints, Partnerskab.Payment.RateCards.RateCard.DefaultPaymentTermsDays, 1));
    }

    [Fact]
    public void Every_malformed_term_is_a_violation_on_its_own_field()
    {
        var request = Request();
        request.MilestonePrices.Add(new Protos.Payment.V1.MilestonePrice { MilestoneCode = "JOB_START", AmountOre = -1 });
        request.HandoverFeeOre = AmountRules.MaxOre + 1;
        request.PayeeAccount.AccountNumber = "12345678901";
        var v = new RequestValidator();

        RateCardMessages.Read(request, v, Now);

        v.Violations.Select(f => f.Field).ShouldBe(
            ["handover_fee_ore", "milestone_prices[2].milestone_code", "milestone_prices[2].amount_ore", "payee_account.account_number"]);
        v.Violations[1].Description.ShouldBe("'JOB_START' is given twice");
    }

    private static SetRateCardRequest Request() => new()
    {
        PartnershipId = Guid.CreateVersion7().ToString(),
        EffectiveFrom = new LocalDate(2024, 1, 1).ToProto(),
        HandoverFeeOre = 1_000_000,
        MilestonePrices =
        {
            new Protos.Payment.V1.MilestonePrice { MilestoneCode = "JOB_START", AmountOre = 2_500_000 },
            new Protos.Payment.V1.MilestonePrice { MilestoneCode = "EDUCATION_START", AmountOre = 1_500_000 },
        },
        Caps = new Caps { PerCitizenOre = 6_000_000, ContractOre = 500_000_000 },
        InvoicingPeriod = Protos.Payment.V1.BillingInterval.Quarterly,
        PayeeAccount = new PayeeAccount { BankRegistrationNumber = "1234", AccountNumber = "0012345678" },
    };
}
