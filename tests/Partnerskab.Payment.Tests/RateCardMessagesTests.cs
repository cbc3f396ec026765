using NodaTime;
using Partnerskab.Payment.RateCards;
using Partnerskab.Protos.Payment.V1;
using Partnerskab.ServiceDefaults;
using Partnerskab.ServiceDefaults.Errors;
using Partnerskab.Testing;

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

    [Fact]
    public void Payers_are_read_with_their_shares_and_every_price_is_shown_split_across_them()
    {
        var request = Request();
        request.Payers.Add(new Protos.Payment.V1.Payer { PayerId = "KOMMUNE", Name = "Haderslev Kommune", Cvr = "29189722", Ean = "5798000420526", ShareBasisPoints = 8_000 });
        request.Payers.Add(new Protos.Payment.V1.Payer { PayerId = "FUND", Name = "Udfaldsfonden", Cvr = "11223344", Ean = "5798000123458", ShareBasisPoints = 2_000 });
        request.RemainderPayerId = "FUND";
        var v = new RequestValidator();

        var card = RateCardMessages.Read(request, v, Now);
        var shown = RateCardMessages.ToProto(card);

        v.Violations.ShouldBeEmpty();
        shown.Payers.ShouldBe(request.Payers);
        shown.RemainderPayerId.ShouldBe("FUND");
        foreach (var price in shown.MilestonePrices)
        {
            price.PayerParts.Select(p => p.PayerId).ShouldBe(["KOMMUNE", "FUND"]);
            price.PayerParts.Sum(p => p.AmountOre).ShouldBe(price.AmountOre);
        }
        shown.HandoverFeePayerParts.Sum(p => p.AmountOre).ShouldBe(shown.HandoverFeeOre);
        card.SameTermsAs(RateCardMessages.Read(request, new RequestValidator(), Now)).ShouldBeTrue();
        card.SameTermsAs(RateCardMessages.Read(request.With(r => r.RemainderPayerId = "KOMMUNE"), new RequestValidator(), Now)).ShouldBeFalse();
    }

    [Fact]
    public void Payers_whose_shares_do_not_make_the_whole_or_without_a_remainder_payer_are_violations()
    {
        var request = Request();
        request.Payers.Add(new Protos.Payment.V1.Payer { PayerId = "KOMMUNE", Name = "Haderslev Kommune", Cvr = "29189722", ShareBasisPoints = 8_000 });
        request.Payers.Add(new Protos.Payment.V1.Payer { PayerId = "fund", Name = " ", Cvr = "1122334", Ean = "57980", ShareBasisPoints = 0 });
        request.Payers.Add(new Protos.Payment.V1.Payer { PayerId = "KOMMUNE", Name = "Again", Cvr = "29189722", ShareBasisPoints = 1_000 });
        request.RemainderPayerId = "NOBODY";
        var v = new RequestValidator();

        RateCardMessages.Read(request, v, Now);

        v.Violations.Select(x => x.Field).ShouldBe(["payers[0].ean", "payers[1].payer_id", "payers[1].cvr", "payers[1].ean", "payers[1].share_basis_points",
            "payers[1].name", "payers[2].payer_id", "payers[2].ean", "payers", "remainder_payer_id"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5798000123457")]
    [InlineData("579800012345")]
    public void A_payer_without_a_valid_EAN_is_a_violation_since_its_e_invoices_could_never_be_sent(string ean)
    {
        var request = Request();
        request.Payers.Add(new Protos.Payment.V1.Payer { PayerId = "KOMMUNE", Name = "Haderslev Kommune", Cvr = "29189722", Ean = "5798000420526", ShareBasisPoints = 8_000 });
        request.Payers.Add(new Protos.Payment.V1.Payer { PayerId = "FUND", Name = "Udfaldsfonden", Cvr = "11223344", Ean = ean, ShareBasisPoints = 2_000 });
        request.RemainderPayerId = "KOMMUNE";
        var v = new RequestValidator();

        RateCardMessages.Read(request, v, Now);

        v.Violations.ShouldHaveSingleItem().Field.ShouldBe("payers[1].ean");
    }

    [Fact]
    public void The_share_passed_through_to_the_investor_is_read_shown_and_part_of_the_terms()
    {
        var request = Request().With(r => r.InvestorPassThroughBasisPoints = 10_000);
        var v = new RequestValidator();

        var card = RateCardMessages.Read(request, v, Now);

        v.Violations.ShouldBeEmpty();
        RateCardMessages.ToProto(card).InvestorPassThroughBasisPoints.ShouldBe(10_000);
        card.SameTermsAs(RateCardMessages.Read(Request(), new RequestValidator(), Now)).ShouldBeFalse();
        var refused = new RequestValidator();
        RateCardMessages.Read(Request().With(r => r.InvestorPassThroughBasisPoints = 10_001), refused, Now);
        refused.Violations.ShouldHaveSingleItem().Field.ShouldBe("investor_pass_through_basis_points");
    }

    [Fact]
    public void A_remainder_payer_without_payers_is_a_violation()
    {
        var v = new RequestValidator();

        RateCardMessages.Read(Request().With(r => r.RemainderPayerId = "KOMMUNE"), v, Now);

        v.Violations.Select(x => x.Field).ShouldBe(["remainder_payer_id"]);
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
